import ChatCore
import ChatModel

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-X: the draft in `$VISUAL` / `$EDITOR` (else vi), as git and shells do it: a temporary
/// file, the editor on the terminal until it exits, and the file's text back into the composer.
enum ExternalEditor {
    static func edit(_ text: String, screen: Screen?) -> ChatEvent {
        var template = Array("/tmp/chatterm-draft-XXXXXX.txt".utf8CString)
        let fd = mkstemps(&template, 4)
        guard fd >= 0 else { return .failed("Could not make a file for the editor: \(String(cString: strerror(errno)))") }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return .failed("Could not write the draft for the editor") }

        let editor = [getenv("VISUAL"), getenv("EDITOR")].compactMap { $0.map { String(cString: $0) } }.first { !$0.isEmpty } ?? "vi"
        screen?.suspend()
        // The editor setting is a command line ("code --wait", "vim -u NONE"): the shell splits
        // it; the file's path goes as an argument, never into the command text.
        let status = try? PosixSpawn.wait(PosixSpawn.start(["/bin/sh", "-c", editor + " \"$1\"", "sh", path]))
        screen?.resume()
        guard let status else { return .failed("Could not start the editor \(editor)") }
        guard status == 0 else { return .notice("The editor exited with an error: the draft is unchanged") }
        guard let file = fopen(path, "r") else { return .failed("The editor's file is gone") }
        defer { fclose(file) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        return .composeReplace(String(decoding: data, as: UTF8.self))
    }
}
