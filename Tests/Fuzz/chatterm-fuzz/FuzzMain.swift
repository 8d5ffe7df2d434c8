import Foundation
import FuzzTargets

/// libFuzzer's entry: the target comes from CHATTERM_FUZZ_TARGET (see Tests/reliability/fuzz.sh).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selectedTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["CHATTERM_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(
            Data("set CHATTERM_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8)
        )
        exit(2)
    }
    return target
}()

#if FUZZING
// SwiftPM links an executable's entry as chatterm_fuzz_main; with the fuzzer built in, that
// entry hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("chatterm_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    _ = selectedTarget
    return runDriver(&argc, &argv, fuzzOneInput)
}
#else
/// Without the fuzzer: replays files (a corpus or a crash found) through the target.
@main
struct Replay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path).map { path + "/" + $0 }) ?? [path]
            for file in files.sorted() { selectedTarget.run(Array(try Data(contentsOf: URL(fileURLWithPath: file)))) }
            print("\(selectedTarget.rawValue): \(files.count) inputs from \(path) handled")
        }
    }
}
#endif
