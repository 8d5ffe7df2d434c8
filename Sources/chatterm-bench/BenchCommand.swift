import ArgumentParser

@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatterm-bench",
        abstract: "Benchmarks for chatterm. Build with -c release: `swift run -c release chatterm-bench import`.",
        subcommands: [
            ImportBenchmark.self, ChatkitBenchmark.self, ConvertBenchmark.self, ClientBenchmark.self, FanoutBenchmark.self,
            LiveBenchmark.self, QueryBenchmark.self, SearchBenchmark.self,
            ReportBenchmark.self,
        ]
    )
}
