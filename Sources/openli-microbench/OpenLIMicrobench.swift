/// `openli-microbench [NAME...]`: times the hot functions of the appliance in a release build and prints one line
/// per benchmark on standard output:
///
///     micro NAME ns_per_op=N.N ops=N
///
/// `ns_per_op` is the fastest of 5 rounds of at least 0.5 s each (monotonic clock) and `ops` the operations in
/// each round. Progress and the checksums that keep the optimizer from removing the work go to standard error.
/// With no NAME every benchmark runs; `--list` prints the names. Build with `-c release`: a debug build measures
/// the debug build.
@main
enum OpenLIMicrobench {
    static func main() {
        let catalog = BenchmarkCatalog.all()
        let selected = select(from: catalog, arguments: Array(CommandLine.arguments.dropFirst()))
        var total: UInt64 = 0
        for benchmark in selected {
            Console.note("running \(benchmark.name)")
            let loop: Benchmark.Loop
            do throws(MicrobenchError) {
                loop = try benchmark.make()
            } catch {
                Console.note("openli-microbench: \(error.message)")
                Console.terminate(1)
            }
            let measurement = Runner.measure(loop)
            total &+= measurement.checksum
            Console.result(
                "micro \(benchmark.name) ns_per_op=\(oneDecimal(measurement.nanosecondsPerOperation))"
                    + " ops=\(measurement.operations)"
            )
            Console.note("checksum \(benchmark.name) \(String(measurement.checksum, radix: 16))")
        }
        Console.note("checksum total \(String(total, radix: 16))")
    }

    /// The benchmarks the arguments name, in their order (all of them when none is named); exits on `--list`,
    /// `--help` and on a name it does not know.
    private static func select(from catalog: [Benchmark], arguments: [String]) -> [Benchmark] {
        let names = catalog.map(\.name)
        if arguments.contains("--help") || arguments.contains("-h") {
            Console.result("usage: openli-microbench [--list] [NAME...]  (names: \(names.joined(separator: " ")))")
            Console.terminate(0)
        }
        if arguments.contains("--list") {
            names.forEach(Console.result)
            Console.terminate(0)
        }
        if arguments.isEmpty {
            return catalog
        }
        var selected: [Benchmark] = []
        for argument in arguments {
            guard let benchmark = catalog.first(where: { $0.name == argument }) else {
                Console.note(
                    "openli-microbench: unknown benchmark '\(argument)' (known: \(names.joined(separator: " ")))"
                )
                Console.terminate(64)
            }
            if !selected.contains(where: { $0.name == argument }) {
                selected.append(benchmark)
            }
        }
        return selected
    }

    /// `value` rounded to one decimal place, as text.
    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
