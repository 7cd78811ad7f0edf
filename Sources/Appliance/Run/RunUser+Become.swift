import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What the switch handler switches to, and how it went (0 pending, 1 done, -errno failed).
private let switchUID = Atomic<UInt32>(0)
private let switchGID = Atomic<UInt32>(0)
private let switchOutcome = Atomic<Int32>(0)

/// Runs on the thread the kernel hands SIGUSR2 to: the main thread, which Swift's async main leaves parked in
/// libdispatch's `sigsuspend` (it is exiting, so glibc would not change its credentials from another thread). From
/// there glibc's wrappers change this thread and then every other one. No allocation: a signal handler.
private func switchIdentity(_: Int32) {
    var group = gid_t(switchGID.load(ordering: .acquiring))
    let uid = uid_t(switchUID.load(ordering: .acquiring))
    let switched = setgroups(1, &group) == 0 && setgid(group) == 0 && setuid(uid) == 0
    switchOutcome.store(switched ? 1 : -errno, ordering: .releasing)
}

extension RunUser {
    /// Becomes the user for good, in every thread: umask 077, its group alone, its id. Then checks every thread
    /// (/proc/self/task): the user's ids and group, no capability left, and root cannot be regained (setuid(0)
    /// fails). Any doubt ends the run (exit 1).
    public func become() throws(ApplianceError) {
        umask(0o077)
        guard geteuid() != uid else { return }
        switchUID.store(uid, ordering: .releasing)
        switchGID.store(gid, ordering: .releasing)
        switchOutcome.store(0, ordering: .releasing)
        signal(SIGUSR2, switchIdentity)
        kill(getpid(), SIGUSR2)
        var waited = 0
        while switchOutcome.load(ordering: .acquiring) == 0 && waited < 5000 {
            usleep(1000)
            waited += 1
        }
        signal(SIGUSR2, SIG_IGN)
        let outcome = switchOutcome.load(ordering: .acquiring)
        guard outcome == 1 else {
            let reason = outcome < 0 ? String(cString: strerror(-outcome)) : "no thread took the switch"
            throw ApplianceError(.runtime, "run: --user \(name): cannot switch to it (\(reason))")
        }
        guard setuid(0) != 0, getuid() == uid, geteuid() == uid, getegid() == gid else {
            throw ApplianceError(.runtime, "run: --user \(name): root could be regained after switching; stopping")
        }
        if let thread = Self.privilegedThread(uid: uid, gid: gid) {
            throw ApplianceError(
                .runtime,
                "run: --user \(name): thread \(thread) kept root or capabilities after switching; stopping"
            )
        }
    }

    /// The first thread of this process whose ids are not `uid` and `gid` or that has a capability left; nil when
    /// there is none.
    private static func privilegedThread(uid: uid_t, gid: gid_t) -> String? {
        guard let tasks = opendir("/proc/self/task") else { return "(threads unreadable)" }
        defer { closedir(tasks) }
        while let entry = readdir(tasks) {
            let task = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard task.first?.isNumber == true else { continue }
            let fields = statusFields("/proc/self/task/\(task)/status")
            let ids = ["Uid": "\(uid)", "Gid": "\(gid)"]
            let idsMatch = ids.allSatisfy { key, value in
                fields[key]?.split(separator: "\t").allSatisfy { $0 == value } == true
            }
            let noCapabilities = ["CapEff", "CapPrm", "CapAmb"].allSatisfy {
                fields[$0].flatMap { UInt64($0, radix: 16) } == 0
            }
            if !idsMatch || !noCapabilities { return task }
        }
        return nil
    }

    /// The `Key:\tvalue` lines of a /proc status file (empty when it cannot be read).
    private static func statusFields(_ path: String) -> [String: String] {
        guard let file = fopen(path, "r") else { return [:] }
        defer { fclose(file) }
        var fields: [String: String] = [:]
        var line = [CChar](repeating: 0, count: 512)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(
                decoding: line.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) },
                as: UTF8.self
            )
            guard let colon = text.firstIndex(of: ":") else { continue }
            fields[String(text[..<colon])] = String(text[text.index(after: colon)...].drop { $0 == "\t" || $0 == " " })
        }
        return fields
    }
}
