import Foundation
import TestSupport

/// Asks `shared/tools/etsi-decode` itself, record by record, whether records are DER: its own `process_record` with
/// `--check` on, the sequence check left out (each record is judged alone), in one process for many records.
enum DERVerdicts {
    /// Loads etsi-decode as a module and checks each length-prefixed record of the input file; prints 1 (passes) or
    /// 0 (refused) per record.
    static let script = """
        import contextlib, importlib.machinery, importlib.util, io, sys, types
        loader = importlib.machinery.SourceFileLoader('etsi_decode', sys.argv[1])
        spec = importlib.util.spec_from_loader('etsi_decode', loader)
        tool = importlib.util.module_from_spec(spec)
        loader.exec_module(tool)
        codecs = tool.load_schema(tool.ASN1_DIR)
        args = types.SimpleNamespace(check=True, framing='raw', dedupe=False)
        class Unsequenced:
            def check(self, pdu):
                return True
        data = open(sys.argv[2], 'rb').read()
        pos, verdicts = 0, []
        while pos < len(data):
            size = int.from_bytes(data[pos:pos + 4], 'big')
            record = data[pos + 4:pos + 4 + size]
            pos += 4 + size
            try:
                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    tool.process_record(0, None, record, args, codecs, Unsequenced(), {'records': 0, 'errors': 0}, None)
                verdicts.append('1')
            except Exception:
                verdicts.append('0')
        print(''.join(verdicts))
        """

    /// Whether etsi-decode --check accepts each record (apart from sequence numbers).
    static func accepted(_ records: [[UInt8]]) throws -> [Bool] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etsi-verdicts-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var input: [UInt8] = []
        for record in records {
            let size = UInt32(record.count)
            input += [UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)]
            input += record
        }
        let file = directory.appendingPathComponent("records.bin")
        try Data(input).write(to: file)
        let output = try ProcessRunner.run(
            "/usr/bin/env",
            ["python3", "-c", script, VectorFiles.etsiDecode().path, file.path]
        )
        guard output.status == 0 else {
            throw VerdictError(message: output.standardError)
        }
        let line = output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.count == records.count else {
            throw VerdictError(
                message: "expected \(records.count) verdicts, got \(line.count): \(output.standardError)"
            )
        }
        return line.map { $0 == "1" }
    }

    /// The helper script failed.
    struct VerdictError: Error {
        var message: String
    }
}
