#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or folder that could not be written, with the system's reason.
public struct FileError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write \(path): \(reason)" }
}

/// A file that could not be read, with the system's reason.
public struct FileReadError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(_ path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot read \(path): \(reason)" }
}

/// Plain POSIX file writing: Foundation's atomic writes sync every file, which makes a site of
/// thousands of pages take seconds; the atomic step here is the rename of the whole folder.
public enum FileOps {
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func isEmptyFolder(_ path: String) -> Bool {
        (try? entries(path))?.isEmpty ?? false
    }

    public static func absolute(_ path: String) -> String {
        var components: [Substring] = []
        var full = path
        if !path.hasPrefix("/") {
            var buffer = [CChar](repeating: 0, count: 4096)
            if getcwd(&buffer, buffer.count) != nil {
                full = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/" + path
            }
        }
        for part in full.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { _ = components.popLast(); continue }
            components.append(part)
        }
        return "/" + components.joined(separator: "/")
    }

    public static func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && isFolder(path)) else {
            throw FileError(path, String(cString: strerror(errno)))
        }
    }

    public static func write(_ path: String, _ bytes: [UInt8]) throws {
        try write(path, bytes, in: AT_FDCWD, shownAs: path)
    }

    /// Writes `name` in the folder open as `folder` (or, with `AT_FDCWD`, at the path `name`);
    /// errors name the file as `shownAs`.
    public static func write(_ name: String, _ bytes: [UInt8], in folder: Int32, shownAs path: String) throws {
        let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return }
                let written = posixWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw FileError(path, String(cString: strerror(errno))) }
                offset += written
            }
        }
    }

    public static func entries(_ path: String) throws -> [String] {
        guard let directory = opendir(path) else { throw FileError(path, String(cString: strerror(errno))) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a folder this build made, with everything in it; symbolic links are removed, not
    /// followed, so nothing outside the folder is ever touched. `threads` unlink the files of the
    /// folder itself side by side (see `removalThreads`).
    public static func removeTree(_ path: String, threads: Int = 1) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            guard unlink(path) == 0 else { throw FileError(path, String(cString: strerror(errno))) }
            return
        }
        try removeContents(of: path, threads: threads)
        guard rmdir(path) == 0 else { throw FileError(path, String(cString: strerror(errno))) }
    }

    /// Empties a folder by names relative to it, with the kind of each entry from the listing
    /// itself: a site of thousands of pages costs one system call per page, not three path look-ups.
    private static func removeContents(of path: String, threads: Int = 1) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path, String(cString: strerror(errno))) }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            throw FileError(path, String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        // Listed whole before anything is removed: what readdir returns while entries go is unspecified.
        var files: [String] = []
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != "." && name != ".." else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { folders.append(name) } else { files.append(name) }
        }
        for folder in folders {
            try removeContents(of: path + "/" + folder)
            guard unlinkat(descriptor, folder, AT_REMOVEDIR) == 0 else {
                throw FileError(path + "/" + folder, String(cString: strerror(errno)))
            }
        }
        try unlinkFiles(files, in: descriptor, folder: path, threads: threads)
    }

    /// A file's bytes, whole: a regular file straight into its buffer, a pipe in chunks. A folder
    /// is refused with its own reason (fopen accepts one on Linux).
    public static func read(_ path: String) throws -> [UInt8] {
        func failure(_ code: Int32) -> FileReadError { FileReadError(path, String(cString: strerror(code))) }
        guard let file = fopen(path, "rb") else { throw failure(errno) }
        defer { fclose(file) }
        var info = stat()
        guard fstat(fileno(file), &info) == 0 else { throw failure(errno) }
        if info.st_mode & mode_t(0o170000) == mode_t(0o040000) { throw failure(EISDIR) }

        // A regular file is read straight into its final buffer; the loop after it covers pipes
        // and files that grow while being read.
        let expected = max(Int(info.st_size), 0)
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            initialized = expected > 0 ? fread(buffer.baseAddress, 1, expected, file) : 0
        }
        if ferror(file) != 0 { throw failure(errno) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while feof(file) == 0 {
            let read = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
            if read > 0 { bytes.append(contentsOf: chunk[0..<read]) }
            if ferror(file) != 0 { throw failure(errno) }
            if read == 0 { break }
        }
        return bytes
    }
}

/// `write(2)`, named apart from the function above.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
