#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Removing the previous site's thousands of files on many threads at once.
///
/// On a disk mounted with online discard (as virtual machines' disks often are), every file whose
/// blocks were written out makes `unlink` wait for the device to discard them: some 4 ms a file,
/// nearly a minute for a site of 13 000 pages one after the other. The device serves many such
/// requests at a time, so a hundred threads waiting side by side take about a second. In memory
/// (tmpfs) nothing waits and unlinking is work for the processor, so there it gets one thread per
/// core.
extension FileOps {
    /// How many threads remove the files of a folder at `path` (absolute).
    public static func removalThreads(for path: String) -> Int {
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        return fileSystemType(of: path) == "tmpfs" ? cores : max(cores, 128)
    }

    /// The type of the file system `path` (absolute) is on, from the system's table of mounts:
    /// the mount point that is the longest leading part of the path. Nil where there is no such
    /// table.
    public static func fileSystemType(of path: String) -> String? {
        guard let table = fopen("/proc/self/mounts", "r") else { return nil }
        defer { fclose(table) }
        var best: (point: String, type: String)?
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, table) > 0, let line {
            // "device mount-point type options 0 0", a space in a mount point written as \040.
            let fields = String(cString: line).split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1]).replacing("\\040", with: " ")
            let covers = point == "/" || path == point || path.hasPrefix(point + "/")
            if covers && point.count >= (best?.point.count ?? -1) { best = (point, String(fields[2])) }
        }
        return best?.type
    }

    /// Unlinks `names`, files in the folder open as `descriptor`, on up to `threads` threads; a
    /// few hundred files stay on the calling thread. The first failure is thrown once every
    /// thread has stopped.
    static func unlinkFiles(_ names: [String], in descriptor: Int32, folder: String, threads: Int) throws {
        let threads = min(threads, names.count / 100)
        guard threads > 1 else {
            for name in names where unlinkat(descriptor, name, 0) != 0 {
                throw FileError(folder + "/" + name, String(cString: strerror(errno)))
            }
            return
        }
        let job = UnlinkJob(names: names, descriptor: descriptor, folder: folder)
        let group = DispatchGroup()
        // Serial queues each get a thread of their own; the shared concurrent queues would keep
        // to one thread per core, all of them waiting on the device.
        for index in 0..<threads {
            DispatchQueue(label: "molensloot.remove-\(index)").async(group: group) { job.run() }
        }
        group.wait()
        if let failure = job.failure.withLock({ $0 }) { throw failure }
    }
}

/// The files to remove, shared by the threads: each takes the next name until none are left or
/// one of them failed.
private final class UnlinkJob: Sendable {
    let names: [String]
    let descriptor: Int32
    let folder: String
    let next = Atomic<Int>(0)
    let stopped = Atomic<Bool>(false)
    let failure = Mutex<FileError?>(nil)

    init(names: [String], descriptor: Int32, folder: String) {
        self.names = names
        self.descriptor = descriptor
        self.folder = folder
    }

    func run() {
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < names.count, !stopped.load(ordering: .relaxed) else { return }
            if unlinkat(descriptor, names[index], 0) != 0 {
                let error = FileError(folder + "/" + names[index], String(cString: strerror(errno)))
                failure.withLock { if $0 == nil { $0 = error } }
                stopped.store(true, ordering: .relaxed)
                return
            }
        }
    }
}
