/// Throwaway integrity keys for the tests (made with `openssl genpkey`; they protect nothing): each private key
/// in PKCS#8 PEM with its public key in SubjectPublicKeyInfo PEM.
public enum IntegrityTestKeys {
    /// An ECDSA P-256 private key.
    public static let p256Private = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgggJVmDExB9DScNuj
        /bfMtUitGHo5a85NYIchxTspWAGhRANCAARN1QgB7pWKFgdlc5NfpoFg047CrCgm
        St3PwYXZNrnjbzHmI430xe2a23GytCt6HMDPivx6AkZicU825W+w5//O
        -----END PRIVATE KEY-----
        """

    /// The public half of ``p256Private``.
    public static let p256Public = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAETdUIAe6VihYHZXOTX6aBYNOOwqwo
        Jkrdz8GF2Ta5428x5iON9MXtmttxsrQrehzAz4r8egJGYnFPNuVvsOf/zg==
        -----END PUBLIC KEY-----
        """

    /// An ECDSA P-384 private key.
    public static let p384Private = """
        -----BEGIN PRIVATE KEY-----
        MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDAqi99hy/FZmSm6zeAN
        cZWFgMV5IYGRPMQVUyfUQlifmF9A/fpltTwSd1Alt4Mmr1KhZANiAARTzr6+Shyy
        FvgibvATcW1yaPkDt6bC3ZyhhGlstBa4setzCqS3v8vzeU16IEzMDKiDf8AvGNUy
        O2WBMhtv4CK3210c3XBnLX40v0PCV9PyVJgDf0jnmA400iNAChk8/Uw=
        -----END PRIVATE KEY-----
        """

    /// The public half of ``p384Private``.
    public static let p384Public = """
        -----BEGIN PUBLIC KEY-----
        MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEU86+vkocshb4Im7wE3Ftcmj5A7emwt2c
        oYRpbLQWuLHrcwqkt7/L83lNeiBMzAyog3/ALxjVMjtlgTIbb+Ait9tdHN1wZy1+
        NL9DwlfT8lSYA39I55gONNIjQAoZPP1M
        -----END PUBLIC KEY-----
        """

    /// An Ed25519 private key.
    public static let ed25519Private = """
        -----BEGIN PRIVATE KEY-----
        MC4CAQAwBQYDK2VwBCIEIH9VirZXdxPwgtNgSB7ZbZyciuiVWxFc9nU+CMVSi1a6
        -----END PRIVATE KEY-----
        """

    /// The public half of ``ed25519Private``.
    public static let ed25519Public = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAXT+UXnDObtCNdIikN/G5LhNnM+CmgEkcUZ3WjexV4oY=
        -----END PUBLIC KEY-----
        """

    /// The public key of another P-256 key: the wrong key for every signature.
    public static let otherP256Public = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAETsvjp+s5JPmztekLEImFoplMPPI+
        2G5w0DE8ZPhb8D1jWmKHmAddMp4qICWjGRcaeZRgDy0eEHVb+rOB6iZXKQ==
        -----END PUBLIC KEY-----
        """

    /// The agency's AES-192 payload encryption key, as a key file holds it (48 hexadecimal digits).
    public static let encryptionKeyFile = "000102030405060708090a0b0c0d0e0f1011121314151617\n"

    /// Another AES-192 key: the wrong one.
    public static let otherEncryptionKeyFile = "ffeeddccbbaa99887766554433221100ffeeddccbbaa9988\n"
}
