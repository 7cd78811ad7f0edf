import Appliance
import Collector
import Warrants

extension RunCommand {
    /// The run's options from the parsed arguments, each checked: the command line and a configuration file
    /// accept exactly the same values. Errors name the option (`run: --shards 99 is not in 1...64`).
    func checkedOptions() throws(ApplianceError) -> RunOptions {
        guard ApplianceLogging.levelNames.contains(logLevel) else {
            throw logLevelError
        }
        try check(shards, in: 1...64, flag: "--shards")
        try check(sessionTimeout, in: 0...31_536_000, flag: "--session-timeout")
        try check(callIdleTimeout, in: 0...31_536_000, flag: "--call-idle-timeout")
        guard let identities = SIPIdentityHeader.list(sipIdentities) else {
            throw ApplianceError(
                .usage,
                "run: --sip-identities \"\(sipIdentities)\" is not a comma list of to, from, pai, ppi, rpid, auth"
            )
        }
        guard sipNATMedia == "on" || sipNATMedia == "off" else {
            throw ApplianceError(.usage, "run: --sip-nat-media \"\(sipNATMedia)\" is not on or off")
        }
        let emailDomain = try emailDefaultDomain.map(Self.emailDomain)
        try check(emailSessionTimeout, in: 1...604_800, flag: "--email-session-timeout")
        try check(gtpSessionTimeout, in: 1...31_536_000, flag: "--gtp-session-timeout")
        if let retry { try check(retry, in: 1...3600, flag: "--retry") }
        guard let quota = Self.bytes(spoolQuota), quota >= 1 << 20 else {
            throw ApplianceError(
                .usage,
                "run: --spool-quota \"\(spoolQuota)\" is not a size of at least 1M (e.g. 10G, 500M)"
            )
        }
        try check(drainTimeout, in: 0...86_400, flag: "--drain-timeout")
        try check(captureBuffer, in: 1...4096, flag: "--capture-buffer")
        try check(sinkBuffer, in: 1...1024, flag: "--sink-buffer")
        let decapsulation = try RunOptions.decapsulation(vxlanPorts: vxlanPorts)
        guard let format = LogFormat(rawValue: logFormat) else {
            throw ApplianceError(.usage, "run: --log-format \"\(logFormat)\" is not text or json")
        }
        var options = RunOptions(databasePath: database.resolvedPath)
        options.pcapFiles = pcapFiles
        options.interfaces = interfaces
        options.operatorIdentifier = operatorIdentifier
        options.networkElementIdentifier = networkElementIdentifier
        options.shards = shards
        options.sessionIdleTimeoutSeconds = sessionTimeout
        options.voip = VoIPSettings(
            identityHeaders: identities,
            callIdleTimeoutMicros: callIdleTimeout * 1_000_000,
            natMedia: sipNATMedia == "on"
        )
        options.email = EmailSettings(
            defaultDomain: emailDomain,
            sessionTimeoutMicros: emailSessionTimeout * 1_000_000
        )
        options.mobile = MobileSettings(sessionTimeoutMicros: gtpSessionTimeout * 1_000_000)
        options.retrySeconds = retry
        if let spool { options.spoolDirectory = spool }
        options.spoolAdopt = spoolAdopt
        options.auditKeyPath = database.auditKeyPath
        options.spoolQuotaBytes = quota
        options.realtime = realtime
        options.drainTimeoutSeconds = drainTimeout
        options.captureBufferMegabytes = captureBuffer
        options.sinkBufferMegabytes = sinkBuffer
        options.decapsulation = decapsulation
        options.metricsEndpoint = metrics
        options.user = user
        options.logFormat = format
        options.reloader = reloader()
        try options.checkIdentifiers()
        return options
    }

    /// The error for a `--log-level` that is not a level name.
    var logLevelError: ApplianceError {
        ApplianceError(
            .usage,
            "run: --log-level \"\(logLevel)\" is not one of \(ApplianceLogging.levelNames.joined(separator: ", "))"
        )
    }

    /// An `--email-default-domain` value, in lower case.
    private static func emailDomain(_ text: String) throws(ApplianceError) -> String {
        do {
            return try WarrantValidation.emailDomain(text, field: "--email-default-domain")
        } catch {
            throw ApplianceError(error, command: "run")
        }
    }

    /// "10G", "500M", "64K" or a plain number of bytes.
    static func bytes(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        guard let last = text.uppercased().last else { return nil }
        guard let unit = units[last] else { return Int64(text) }
        guard let value = Int64(text.dropLast()) else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? nil : product
    }

    private func check<Value: BinaryInteger>(
        _ value: Value,
        in range: ClosedRange<Value>,
        flag: String
    ) throws(ApplianceError) {
        guard range.contains(value) else {
            throw ApplianceError(.usage, "run: \(flag) \(value) is not in \(range.lowerBound)...\(range.upperBound)")
        }
    }
}
