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

    /// Writes `name`, unless `previous` (an earlier version of this folder) holds a file of that
    /// name with exactly these bytes, owner and permissions: then that file is linked here
    /// instead, and true is returned. `scratch` holds the earlier file's bytes while they are
    /// compared; one per thread.
    ///
    /// Replacing a file frees its blocks and allocates new ones, and on a disk mounted with online
    /// discard every freed block waits for the device; a file that is linked keeps its blocks, so
    /// a rebuild in which most pages are the same costs a name per page. An unchanged page also
    /// keeps its date, so copying the folder to a web server copies only what changed.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8], keepingSameFrom previous: EarlierFolder?, scratch: inout [UInt8]) throws -> Bool {
        if let previous, previous.holds(name, bytes, scratch: &scratch),
           linkat(previous.folder.descriptor, name, descriptor, name, 0) == 0 {
            return true
        }
        // Where the system cannot link (another file system, FAT, a file owned by someone
        // else), the page is written as any other.
        try write(name, bytes)
        return false
    }

    public func close() {
        closeDescriptor(descriptor)
    }
}

/// `close(2)`, named apart from the method above.
private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}

/// An earlier version of a folder that is being written anew, whose unchanged files may be linked
/// into the new one. Only files that look as a newly written file would are linked: the same
/// owner and permissions as `sample`, a file just written in the new folder. So a page that was
/// made private by hand, or left by another user, is written again rather than carried over.
public struct EarlierFolder: Sendable {
    let folder: OpenFolder
    let mode: mode_t
    let owner: uid_t
    let group: gid_t

    /// Nil when `sample` in `newFolder` cannot be looked at.
    public init?(_ folder: OpenFolder, like sample: String, in newFolder: OpenFolder) {
        var info = stat()
        guard fstatat(newFolder.descriptor, sample, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.folder = folder
        self.mode = info.st_mode
        self.owner = info.st_uid
        self.group = info.st_gid
    }

    /// Whether `name` here is a regular file (not a link to one) with the owner and permissions
    /// of a new file and the bytes `bytes`, and no other name: a page the user also linked
    /// elsewhere would otherwise change with that other file.
    fileprivate func holds(_ name: String, _ bytes: [UInt8], scratch: inout [UInt8]) -> Bool {
        let file = openat(folder.descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { closeDescriptor(file) }
        var info = stat()
        guard fstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode == mode, info.st_uid == owner,
              info.st_gid == group, info.st_nlink == 1,
              Int(info.st_size) == bytes.count else { return false }
        if scratch.count < bytes.count { scratch = [UInt8](repeating: 0, count: bytes.count) }
        let filled = scratch.withUnsafeMutableBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < bytes.count {
                let count = read(file, base + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                offset += count
            }
            return offset
        }
        guard filled == bytes.count else { return false }
        return bytes.withUnsafeBytes { new in
            scratch.withUnsafeBytes { old in
                guard let newBase = new.baseAddress, let oldBase = old.baseAddress else { return bytes.isEmpty }
                return memcmp(newBase, oldBase, bytes.count) == 0
            }
        }
    }
}
