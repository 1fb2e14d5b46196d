#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A self-pipe that interrupts `CursesTerminal.nextEvents`' wait. Background work writes a 0
/// byte; the signal relay writes the signal's number. Both ends are non-blocking (a full pipe
/// already means "wake up", so a failed write loses nothing) and close-on-exec (an `$EDITOR`
/// must not inherit them). The descriptors live as long as this object, which every
/// `TerminalWaker` keeps alive, so a late `wake()` never writes to a reused descriptor.
final class WakePipe: @unchecked Sendable {  // immutable after init; write(2) is thread-safe
    let readEnd: Int32
    let writeEnd: Int32

    init() throws(TerminalError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw TerminalError("trellis: could not create a pipe (\(String(cString: strerror(errno))))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        _ = systemClose(readEnd)
        _ = systemClose(writeEnd)
    }

    static let wakeByte: UInt8 = 0

    func wake() {
        var byte = WakePipe.wakeByte
        _ = write(writeEnd, &byte, 1)
    }

    /// Everything written so far (empty when nothing was).
    func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &chunk, chunk.count)
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}

/// Wakes the terminal's event wait from any thread or task (see `CursesTerminal.waker`).
public struct TerminalWaker: Sendable {
    let pipe: WakePipe

    public func wake() { pipe.wake() }
}

/// close(2), named apart from the methods called `close`.
@inline(__always) func systemClose(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
