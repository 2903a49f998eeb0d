import Foundation

/// Waits for something to change in a set of directories: inotify where the kernel has it (wakes
/// on a finished write or a rename into the directory), plain polling otherwise.
public final class DirectoryWaiter {
    private let fd: Int32

    public init(directories: [String]) {
        var fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if fd >= 0 {
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)
            for directory in directories where inotify_add_watch(fd, directory, mask) < 0 {
                close(fd)
                fd = -1
                break
            }
        }
        self.fd = fd
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// True when inotify is in use; false means polling.
    public var usesInotify: Bool { fd >= 0 }

    /// Returns after a change or after `timeout` seconds, whichever comes first.
    public func wait(timeout: Double) {
        guard fd >= 0 else {
            usleep(useconds_t(max(0, timeout) * 1_000_000))
            return
        }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(timeout * 1000))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
