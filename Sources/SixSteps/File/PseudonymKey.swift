#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The secret of the keyed hash that turns case and person keys (a zaaknummer, a BSN) into
/// pseudonyms. It lives in a key file the municipality keeps, never in the roadmap file, its
/// export or the site: whoever has only the roadmap cannot try candidate keys against the hashes.
/// Every importer of registrations asks for one of these and hashes through `hash`.
///
/// The file holds 32 hex digits (128 bits) on one line and is created with mode 0600; one that
/// others can read is refused, like ssh refuses a private key. The roadmap keeps only the key's
/// id (`contact_key_id`), a hash of a fixed text under the key, so a wrong key file is noticed
/// before it splits one case into two; the id tells nothing about the key.
public struct PseudonymKey: Sendable, Equatable {
    /// The environment variable that names the key file when `--key-file` does not.
    public static let environmentVariable = "MOLENSLOOT_KEY_FILE"

    let k0: UInt64
    let k1: UInt64
    /// Where the key was read from or written to, for messages.
    public let path: String

    init(k0: UInt64, k1: UInt64, path: String) {
        self.k0 = k0
        self.k1 = k1
        self.path = path
    }

    /// The key file to use: the option, else `$MOLENSLOOT_KEY_FILE`, else
    /// `$XDG_CONFIG_HOME/molensloot/pseudonym.key`, else `~/.config/molensloot/pseudonym.key`.
    /// The default is outside any roadmap folder on purpose: copying a roadmap must not copy its key.
    public static func location(option: String?, environment: (String) -> String?) -> String {
        if let option, !option.isEmpty { return option }
        if let named = environment(environmentVariable) { return named }
        if let config = environment("XDG_CONFIG_HOME") { return config + "/molensloot/pseudonym.key" }
        return (environment("HOME") ?? ".") + "/.config/molensloot/pseudonym.key"
    }

    /// Reads the key file at `path`; a missing, unreadable, open or damaged file is refused with
    /// what to do about it.
    public static func load(path: String) throws -> PseudonymKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw PseudonymKeyError.missing(path: path) }
            throw PseudonymKeyError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw PseudonymKeyError.damaged(path: path) }
        guard info.st_mode & 0o077 == 0 else { throw PseudonymKeyError.open(path: path) }
        guard let file = fopen(path, "rb") else {
            throw PseudonymKeyError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 80)
        let count = fread(&buffer, 1, buffer.count, file)
        var text = String(decoding: buffer[0..<count], as: UTF8.self)
        while text.last == "\n" || text.last == "\r" || text.last == " " { text.removeLast() }
        guard let key = parse(text, path: path) else { throw PseudonymKeyError.damaged(path: path) }
        return key
    }

    /// Makes a new random key and writes it to `path` with mode 0600, creating its folder (0700)
    /// when missing. Refuses a path that exists: a key file is never replaced, as every hash
    /// made under the old key would lose its link.
    public static func create(path: String) throws -> PseudonymKey {
        var generator = SystemRandomNumberGenerator()
        let key = PseudonymKey(k0: generator.next(), k1: generator.next(), path: path)
        try key.store()
        return key
    }

    /// Writes this key to its path, new, with mode 0600.
    func store() throws {
        makeFolders(of: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw PseudonymKeyError.exists(path: path) }
            throw PseudonymKeyError.unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        var text = hex + "\n"
        let written = text.withUTF8 { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == text.utf8.count, synced == 0 else {
            unlink(path)
            throw PseudonymKeyError.unwritable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// 32 hex digits, the file's content (and the old `contact_key` setting's form).
    static func parse(_ text: String, path: String) -> PseudonymKey? {
        guard text.utf8.count == 32, text.utf8.allSatisfy({ $0 < 128 && Character(Unicode.Scalar($0)).isHexDigit }),
              let high = UInt64(text.prefix(16), radix: 16), let low = UInt64(text.suffix(16), radix: 16) else {
            return nil
        }
        return PseudonymKey(k0: high, k1: low, path: path)
    }

    var hex: String { Self.hex(k0) + Self.hex(k1) }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    var hasher: SipHasher { SipHasher(key: (k0, k1)) }

    /// The key's id: the hash of a fixed text under the key. It tells two keys apart and cannot
    /// be turned back into the key.
    public var id: String {
        let label = Array("molensloot pseudonym key id".utf8)
        return Self.hex(label.withUnsafeBufferPointer { hasher.hash($0) })
    }

    /// The pseudonym of one case or person key.
    public func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { hasher.hash(bytes) }

    public static func == (lhs: PseudonymKey, rhs: PseudonymKey) -> Bool { lhs.k0 == rhs.k0 && lhs.k1 == rhs.k1 }

    private func makeFolders(of path: String) {
        var folder = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            folder += (index == 0 ? "" : "/") + part
            if !folder.isEmpty { mkdir(folder, 0o700) }
        }
    }
}

public enum PseudonymKeyError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case open(path: String)
    case damaged(path: String)
    case exists(path: String)
    case unwritable(path: String, reason: String)
    /// The key file is not the key the roadmap's contacts were hashed with.
    case wrongKey(path: String)
    /// The roadmap still holds the secret itself, as files of an older molensloot did.
    case stillInRoadmap

    public var description: String { message(.en) }

    /// The message in the language asked for.
    public func message(_ language: Language) -> String {
        let t = language.t
        let variable = "$" + PseudonymKey.environmentVariable
        switch self {
        case .missing(let path):
            return t("geen sleutelbestand op \(path) om zaaknummers te versleutelen; maak er een met 'molensloot key create', "
                       + "of noem de sleutel van uw gemeente met --key-file PAD of \(variable)",
                     "no key file at \(path) for hashing case keys; make one with 'molensloot key create', "
                       + "or name your municipality's key with --key-file PATH or \(variable)")
        case .unreadable(let path, let reason):
            return t("kan het sleutelbestand \(path) niet lezen: \(reason); kijk naar de rechten of noem een ander met --key-file",
                     "cannot read the key file \(path): \(reason); check its permissions or name another with --key-file")
        case .open(let path):
            return t("het sleutelbestand \(path) is door anderen te lezen; maak het privé met 'chmod 600 \(path)'",
                     "the key file \(path) can be read by others; make it private with 'chmod 600 \(path)'")
        case .damaged(let path):
            return t("\(path) is geen sleutelbestand van Molensloot (één regel van 32 hexadecimale tekens); noem het juiste bestand met --key-file",
                     "\(path) is not a Molensloot key file (one line of 32 hex digits); name the right file with --key-file")
        case .exists(let path):
            return t("\(path) bestaat al; een sleutelbestand wordt nooit vervangen, want de versleutelde nummers zouden hun verband verliezen",
                     "\(path) already exists; a key file is never replaced, as the hashes made with it would lose their link")
        case .unwritable(let path, let reason):
            return t("kan het sleutelbestand \(path) niet schrijven: \(reason); noem een andere plek met --key-file",
                     "cannot write the key file \(path): \(reason); name another place with --key-file")
        case .wrongKey(let path):
            return t("de sleutel in \(path) is niet de sleutel waarmee de contacten van deze roadmap versleuteld zijn; "
                       + "noem het juiste sleutelbestand met --key-file of \(variable)",
                     "the key in \(path) is not the key this roadmap's contacts were hashed with; "
                       + "name the right key file with --key-file or \(variable)")
        case .stillInRoadmap:
            return t("dit roadmap-bestand bevat het geheim van de zaaknummers nog zelf (gemaakt door een oudere molensloot); "
                       + "verplaats het eerst naar een sleutelbestand met 'molensloot key move'",
                     "this roadmap file still holds the secret of its case keys (made by an older molensloot); "
                       + "move it into a key file with 'molensloot key move' first")
        }
    }
}
