import Foundation

/// A process's resident memory (this one's without a pid), sampled until cancelled (Linux: /proc/PID/statm).
enum MemorySampler {
    static func sample(pid: Int32?, every seconds: Double) async -> [Int] {
        let path = "/proc/\(pid.map(String.init) ?? "self")/statm"
        var samples: [Int] = []
        while !Task.isCancelled {
            if let statm = try? String(contentsOfFile: path, encoding: .utf8),
                let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
            {
                samples.append(pages * Int(sysconf(Int32(_SC_PAGESIZE))))
            }
            try? await Task.sleep(for: .seconds(seconds))
        }
        return samples
    }
}
