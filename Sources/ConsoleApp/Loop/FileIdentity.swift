import ConsoleUI
import Dispatch
import FindingStore
import Findings
import Foundation

/// A file's device and inode: a new file at the same path has another.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
