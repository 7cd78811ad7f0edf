#ifndef OPENLI_APPLIANCE_CLIBCRYPTO_SHIM_H
#define OPENLI_APPLIANCE_CLIBCRYPTO_SHIM_H
#include <openssl/evp.h>

/// A cipher context for AES-192-CBC without padding, keyed with the 24 octets at `key` in the direction
/// `encrypt` (1) or decrypt (0); NULL when OpenSSL refuses.
static inline EVP_CIPHER_CTX *openli_aes192cbc_new(const unsigned char *key, int encrypt) {
    EVP_CIPHER_CTX *context = EVP_CIPHER_CTX_new();
    if (context == NULL) {
        return NULL;
    }
    if (EVP_CipherInit_ex(context, EVP_aes_192_cbc(), NULL, key, NULL, encrypt) != 1
        || EVP_CIPHER_CTX_set_padding(context, 0) != 1) {
        EVP_CIPHER_CTX_free(context);
        return NULL;
    }
    return context;
}

/// Encrypts or decrypts (as the context was made) `length` octets at `data` in place, a multiple of 16, with the
/// 16-octet `iv`. Returns 1, or 0 when OpenSSL refuses.
static inline int openli_aes192cbc_run(EVP_CIPHER_CTX *context, const unsigned char *iv, unsigned char *data,
                                       int length) {
    int written = 0;
    int final = 0;
    if (length % 16 != 0 || EVP_CipherInit_ex(context, NULL, NULL, NULL, iv, -1) != 1) {
        return 0;
    }
    if (EVP_CipherUpdate(context, data, &written, data, length) != 1) {
        return 0;
    }
    if (EVP_CipherFinal_ex(context, data + written, &final) != 1) {
        return 0;
    }
    return written + final == length;
}

/// Frees a context made by openli_aes192cbc_new.
static inline void openli_aes192cbc_free(EVP_CIPHER_CTX *context) {
    EVP_CIPHER_CTX_free(context);
}
#endif
