#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder opened once, whose files are then written by name relative to it: thousands of pages
/// do not each make the system walk the folder's whole path again.
struct OpenFolder: Sendable {
    let path: String
    let descriptor: Int32

    init(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw SiteError.io(path, String(cString: strerror(errno))) }
        self.path = path
        self.descriptor = descriptor
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try FileOps.write(name, bytes, in: descriptor, shownAs: path + "/" + name)
    }

    func close() {
        closeDescriptor(descriptor)
    }
}

/// `close(2)`, named apart from the method above.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
