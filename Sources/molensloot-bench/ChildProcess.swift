import Foundation
import SixSteps

/// How one child process ended, how long it ran from fork until it was reaped, and the most
/// memory it held.
struct ChildResult {
    let status: Int32
    let milliseconds: Double
    /// `ru_maxrss` of the reaped child, in KiB (Linux counts it so).
    let peakKilobytes: Int

    var succeeded: Bool { status == 0 }
    var peakMegabytes: Double { Double(peakKilobytes) / 1_024 }
}

/// Runs a program to its end, through the launcher; output goes to the given files (which are
/// emptied first) or to /dev/null, and standard input is /dev/null.
func runChild(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
              stdout: URL? = nil, stderr: URL? = nil) -> ChildResult {
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
        fatal("cannot start \(executable.path): it is not an executable file")
    }
    return Launcher.shared.run(executable.path, arguments, in: directory?.path, stdout: stdout?.path, stderr: stderr?.path)
}

/// A small process, started once, that forks and reaps every child of the bench and reports
/// each one's time and peak memory.
///
/// Why not spawn the children directly: Linux gives a child's `ru_maxrss` at least the memory
/// of the process it was forked from — with `posix_spawn`'s vfork, the parent's whole peak —
/// so after generating a million rows every child of the bench would report hundreds of MB
/// (measured: /bin/true showed 407 MB from a parent that had held 400 MB). Forked from the
/// launcher, whose own memory is a few MB, `wait4` gives each child's real peak, and the time
/// runs from fork to reaping without the bench in between.
struct Launcher {
    static let flag = "--launcher"
    static let shared = start()

    let requests: Int32
    let replies: Int32

    private static func start() -> Launcher {
        // The launcher's end of each pipe is duplicated onto its stdin and stdout; the bench's
        // ends are close-on-exec, so later children never hold them.
        var toLauncher: [Int32] = [0, 0]
        var fromLauncher: [Int32] = [0, 0]
        guard pipe(&toLauncher) == 0, pipe(&fromLauncher) == 0 else {
            fatal("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for end in toLauncher + fromLauncher { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toLauncher[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromLauncher[1], 1)
        let executable = BuildLocation.ownExecutable().path
        let argv = CStrings([executable, flag])
        let environment = CStrings(ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" })
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv.pointers, environment.pointers)
        guard spawned == 0 else { fatal("cannot start the launcher \(executable): \(String(cString: strerror(spawned)))") }
        close(toLauncher[0])
        close(fromLauncher[1])
        // A launcher that died must end the bench with a message, not with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        return Launcher(requests: toLauncher[1], replies: fromLauncher[0])
    }

    func run(_ program: String, _ arguments: [String], in directory: String?, stdout: String?, stderr: String?) -> ChildResult {
        let request = JSON.object(JSONObject([
            ("program", .string(program)), ("arguments", .array(arguments.map(JSON.string))),
            ("directory", directory.map(JSON.string) ?? .null),
            ("stdout", stdout.map(JSON.string) ?? .null), ("stderr", stderr.map(JSON.string) ?? .null),
        ]))
        var bytes = Array(request.serialized().utf8)
        bytes.append(Byte.lineFeed)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(requests, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { fatal("the launcher is gone: \(String(cString: strerror(errno)))") }
            written += count
        }
        let reply = readReply().split(separator: " ")
        guard reply.count == 3, let status = Int32(reply[0]), let milliseconds = Double(reply[1]), let peak = Int(reply[2]) else {
            fatal("the launcher could not run \(program): \(reply.joined(separator: " "))")
        }
        return ChildResult(status: status, milliseconds: milliseconds, peakKilobytes: peak)
    }

    private func readReply() -> String {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(replies, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { fatal("the launcher ended without a reply") }
            if byte == Byte.lineFeed { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
    }

    // MARK: - The launcher's side

    /// The launcher's loop: one request per line on stdin, one reply per line on stdout, until
    /// the bench closes its end. Uses no Foundation, so it stays small and has no threads
    /// that a fork could catch half-way.
    static func serve() -> Never {
        while let line = readLine() {
            print(reply(to: line))
            fflush(nil)
        }
        exit(0)
    }

    /// "status milliseconds peak-KiB", or a reason the child could not be run.
    private static func reply(to line: String) -> String {
        guard let request = try? JSON.parse(line), let program = request["program"]?.string,
              let arguments = request["arguments"]?.array?.compactMap(\.string)
        else { return "bad request" }
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        let output = openOutput(request["stdout"]?.string)
        // Both streams into one file share one descriptor, or each would write over the other.
        let shared = request["stdout"]?.string != nil && request["stdout"] == request["stderr"]
        let errors = shared ? output : openOutput(request["stderr"]?.string)
        defer { Set([input, output, errors]).forEach { close($0) } }
        guard input >= 0, output >= 0, errors >= 0 else { return "cannot open an output file: \(String(cString: strerror(errno)))" }

        // Everything the child needs is made before the fork: between fork and exec it may
        // only make system calls.
        let argv = CStrings([program] + arguments)
        let directory = CStrings(request["directory"]?.string.map { [$0] } ?? [])
        let start = ContinuousClock.now
        let pid = fork()
        if pid == 0 {
            if let folder = directory.pointers[0], chdir(folder) != 0 { _exit(126) }
            guard dup2(input, 0) >= 0, dup2(output, 1) >= 0, dup2(errors, 2) >= 0 else { _exit(126) }
            if let path = argv.pointers[0] { execv(path, argv.pointers) }
            _exit(127)
        }
        guard pid > 0 else { return "cannot fork: \(String(cString: strerror(errno)))" }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return "cannot wait for the child: \(String(cString: strerror(errno)))" }
        }
        let elapsed = ContinuousClock.now - start
        // Exited: the code is in the second byte; killed: 128 + the signal, as a shell says it.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
        return "\(code) \(elapsed.milliseconds) \(usage.ru_maxrss)"
    }

    private static func openOutput(_ path: String?) -> Int32 {
        open(path ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    }
}

/// NUL-terminated copies of strings and the NULL-terminated array of them that exec wants;
/// freed when the value goes.
private final class CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    deinit {
        pointers.forEach { free($0) }
    }
}

/// A fresh temporary folder for the roadmap files and the children's output, so the bench
/// never touches a roadmap of the person running it.
struct Workspace {
    let folder: URL

    static func create() -> Workspace {
        var template = Array((FileManager.default.temporaryDirectory.path + "/molensloot-bench-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            fatal("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return Workspace(folder: URL(fileURLWithPath: String(cString: created), isDirectory: true))
    }

    func file(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }

    func text(of name: String) -> String {
        guard let data = FileManager.default.contents(atPath: file(name).path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
