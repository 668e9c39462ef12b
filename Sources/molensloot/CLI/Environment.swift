#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SixSteps

/// The process's surroundings, read through one door so commands stay testable.
struct Environment: Sendable {
    func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Collects what a command prints and writes it in one go: a list of ten thousand findings is
/// one write, not ten thousand.
struct Output {
    private(set) var text = ""

    /// Control characters in what the roadmap holds are written as \u{1B}: text from a file made
    /// by an older version, or imported, must not drive the reader's terminal.
    mutating func line(_ line: String = "") {
        text += TextRules.escaped(line)
        text += "\n"
    }

    func flush() { writeAll(text, to: 1) }
}

func printError(_ message: String) {
    // One line, always: a quoted CSV field in a message may hold a line break.
    writeAll(t("fout: ", "error: ") + "\(TextRules.escaped(message.singleLine).shortened)\n", to: 2)
}

extension String {
    /// A message that quotes a whole field or header of a file can run to megabytes; its start
    /// (what is wrong) and its end (what to do about it) are kept, the middle is left out.
    var shortened: String {
        let limit = 1_000
        guard count > limit else { return self }
        return String(prefix(limit * 2 / 3)) + " … " + String(suffix(limit / 3))
    }
}

/// Plain `write` on the file descriptor: no shared C `FILE` state, and no partial writes lost.
private func writeAll(_ text: String, to descriptor: Int32) {
    var copy = text
    copy.withUTF8 { buffer in
        guard var pointer = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let written = write(descriptor, pointer, remaining)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            pointer += written
            remaining -= written
        }
    }
}

/// Reads a whole file as UTF-8 text.
func readTextFile(_ path: String) throws -> String {
    guard let text = String(validating: try readBinaryFile(path), as: UTF8.self) else {
        throw CommandError.file(t("\(path) is geen UTF-8-tekst; sla het op als UTF-8 en probeer opnieuw", "\(path) is not UTF-8 text; save it as UTF-8 and try again"))
    }
    return text
}

/// A file's bytes; a file that cannot be read is refused with the system's reason.
func readBinaryFile(_ path: String) throws -> [UInt8] {
    do {
        return try FileOps.read(path)
    } catch let error as FileReadError {
        throw CommandError.file(t("kan \(error.path) niet lezen: ", "cannot read \(error.path): ") + error.reason)
    }
}

/// Writes a file beside its target and renames it into place, so it is whole or absent.
func writeTextFile(_ path: String, _ text: String) throws {
    let temporary = path + ".part"
    guard let file = fopen(temporary, "wb") else {
        throw CommandError.file(t("kan \(path) niet schrijven: ", "cannot write \(path): ") + systemMessage(errno))
    }
    var copy = text
    let written = copy.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    guard written == text.utf8.count, closed == 0, rename(temporary, path) == 0 else {
        unlink(temporary)
        throw CommandError.file(t("kan \(path) niet schrijven: ", "cannot write \(path): ") + systemMessage(errno))
    }
}

enum CommandError: Error, CustomStringConvertible {
    case file(String)

    var description: String {
        switch self {
        case .file(let message): return message
        }
    }
}

/// The system's reason in the run's language for the common cases; the C library's English text
/// for the rare rest.
func systemMessage(_ code: Int32) -> String {
    guard language == .nl else { return String(cString: strerror(code)) }
    switch code {
    case ENOENT: return "het bestand of de map bestaat niet"
    case EACCES, EPERM: return "geen toestemming"
    case EISDIR: return "dat is een map"
    case ENOTDIR: return "een deel van het pad is geen map"
    case ENOSPC: return "de schijf is vol"
    case EROFS: return "het bestandssysteem is alleen-lezen"
    case EEXIST: return "bestaat al"
    default: return String(cString: strerror(code))
    }
}
