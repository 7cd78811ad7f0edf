import Warrants

extension RunStateDirectory {
    /// Makes the run state directory of `options` the store's before the run uses it: a directory that is nobody's
    /// is claimed; one that is the store's is used; another store's, or one of unknown owner, is refused (exit
    /// status 2) unless `options.spoolAdopt`, in which case the store's audit log records the adoption
    /// (``WarrantStore/recordSpoolAdoption(spoolPath:previousStoreID:)``) and the directory is claimed.
    public static func bind(_ options: RunOptions) throws(ApplianceError) {
        let directory = RunStateDirectory(path: options.spoolDirectory)
        let store: WarrantStore
        let storeID: String
        do {
            store = try WarrantStore(
                path: options.databasePath,
                actor: AuditActor.current(arguments: CommandLine.arguments),
                auditKeyPath: options.auditKeyPath
            )
            storeID = try store.storeID()
        } catch {
            throw ApplianceError(error, command: "run")
        }
        let previous: String?
        switch try directory.owner() {
        case .none:
            try directory.claim(for: storeID)
            return
        case .store(let owner) where owner == storeID:
            return
        case .store(let owner):
            previous = owner
        case .unknown:
            previous = nil
        }
        guard options.spoolAdopt else {
            let whose = previous.map { "belongs to store \($0)" } ?? "holds run state of an unknown store (no marker)"
            throw ApplianceError(
                .usage,
                "run: spool \(directory.path) \(whose), not to \(options.databasePath) (store \(storeID));"
                    + " use --spool-adopt to take it over"
            )
        }
        do {
            try store.recordSpoolAdoption(spoolPath: directory.path, previousStoreID: previous)
        } catch {
            throw ApplianceError(error, command: "run")
        }
        try directory.claim(for: storeID)
    }
}
