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

/// A hard link fails when `to` exists, which makes "create only if absent" atomic.
func linkFile(_ from: String, _ to: String) -> Bool { link(from, to) == 0 }

func processID() -> Int32 { getpid() }
