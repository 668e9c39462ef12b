#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder opened once, whose files are then written by name relative to it: thousands of pages
/// do not each make the system walk the folder's whole path again.
public struct OpenFolder: Sendable {
    public let path: String
    public let descriptor: Int32

    public init(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path, String(cString: strerror(errno))) }
        self.path = path
        self.descriptor = descriptor
    }

    public func write(_ name: String, _ bytes: [UInt8]) throws {
        try FileOps.write(name, bytes, in: descriptor, shownAs: path + "/" + name)
    }

    public func close() {
        closeDescriptor(descriptor)
    }
}

/// `close(2)`, named apart from the method above.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
