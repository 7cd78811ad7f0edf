extension RunOptions {
    /// Checks `--operator-id` and `--network-element-id`: 1-16 printable characters without spaces each.
    public func checkIdentifiers() throws(ApplianceError) {
        try Self.checkIdentifier(operatorIdentifier, flag: "--operator-id")
        try Self.checkIdentifier(networkElementIdentifier, flag: "--network-element-id")
    }

    private static func checkIdentifier(_ value: String, flag: String) throws(ApplianceError) {
        let printable = value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        guard (1...16).contains(value.utf8.count), printable else {
            throw ApplianceError(.usage, "run: \(flag) \"\(value)\" must be 1-16 printable characters without spaces")
        }
    }
}
