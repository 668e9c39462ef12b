import Foundation

/// Runs a reading command (`status`) over and over while an import writes the same roadmap, as a
/// colleague would, and keeps how long each took and whether it failed: the import must leave
/// readers the last committed roadmap, not make them wait for the busy timeout and fail.
/// It runs its own processes from its own thread, apart from the launcher the timed runs use.
final class ConcurrentReader: @unchecked Sendable {
    private let binary: URL
    private let database: URL
    private let lock = NSLock()
    private var running = true
    private var waits: [Double] = []
    private var failures: [String] = []
    private let done = DispatchSemaphore(value: 0)

    init(binary: URL, database: URL) {
        self.binary = binary
        self.database = database
    }

    func start() {
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                let started = ContinuousClock.now
                let process = Process()
                process.executableURL = binary
                process.arguments = ["status", "--db", database.path]
                process.standardOutput = FileHandle.nullDevice
                let errors = Pipe()
                process.standardError = errors
                do {
                    try process.run()
                    let message = errors.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    let elapsed = (ContinuousClock.now - started).milliseconds
                    lock.withLock {
                        waits.append(elapsed)
                        if process.terminationStatus != 0 {
                            failures.append(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                        }
                    }
                } catch {
                    lock.withLock { failures.append("cannot start \(binary.path): \(error)") }
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
            done.signal()
        }
    }

    /// Stops after the read under way and returns every read's time and the failures.
    func stop() -> (waits: [Double], failures: [String]) {
        lock.withLock { running = false }
        done.wait()
        return lock.withLock { (waits, failures) }
    }
}
