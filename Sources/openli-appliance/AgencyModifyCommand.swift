import Appliance
import ArgumentParser

/// `agency modify NAME [--encryption-key-file FILE | --no-encryption] [--integrity ... | --no-integrity] ...`.
struct AgencyModifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "modify",
        abstract: "Change an agency's payload encryption and integrity checks.",
        discussion: """
            Options not given keep their values. Key files are read now, and a bad one is refused; the store keeps \
            their paths (and the encryption key's fingerprint), never a key. A running appliance applies the change \
            within a second: it reads the new keys then.
            """
    )

    @Argument(help: "The agency's name.")
    var name: String

    @OptionGroup var protection: AgencyProtectionFlags

    @Flag(name: .customLong("no-encryption"), help: "Stop encrypting payloads.")
    var noEncryption = false

    @Flag(name: .customLong("no-integrity"), help: "Stop sending integrity checks.")
    var noIntegrity = false

    @Flag(name: .customLong("no-signing-key"), help: "Stop signing: send hash TRIs only.")
    var noSigningKey = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let request = AgencyModifyRequest(
            name: name,
            protection: protection.options(
                noEncryption: noEncryption,
                noIntegrity: noIntegrity,
                noSigningKey: noSigningKey
            )
        )
        try AdminInvocation.run(database) { commands throws(ApplianceError) in try commands.modifyAgency(request) }
    }
}
