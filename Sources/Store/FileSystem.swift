#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the store needs, without pulling Foundation into start-up.
public func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}

public func fileSize(_ path: String) -> Int? {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : nil
}

public func removeFile(_ path: String) { unlink(path) }

func renameFile(_ from: String, _ to: String) -> Bool { rename(from, to) == 0 }
