import Foundation
import JSONStream

/// The parsed sections of a large config file, kept in `$XDG_CACHE_HOME/mlsoc/` (default
/// `~/.cache/mlsoc/`) while the file is unchanged: a registry of 200k models takes Yams about ten
/// seconds to compose (a node per scalar), its parsed copy a fraction of a second to read. The copy
/// is used only when it names this file's device, inode, size, modification and change times, and
/// its values are checked again like the file's (`MlsocConfig.assemble`). Configs under 1 MiB are
/// never cached. Writing is best effort: owner-only, atomic by rename; a cache that cannot be
/// written or read is the same as none.
package struct ParsedConfigCache {
    package static let version = "mlsoc-config-cache/1"
    package static let threshold = 1 << 20
    package let key: String
    package let file: String

    package init?(configPath: String, size: Int, environment: [String: String]) {
        guard size >= Self.threshold else { return nil }
        var info = stat()
        guard stat(configPath, &info) == 0 else { return nil }
        let absolute = configPath.hasPrefix("/") ? configPath : FileManager.default.currentDirectoryPath + "/" + configPath
        key = [
            Self.version, absolute, "\(info.st_dev)", "\(info.st_ino)", "\(info.st_size)",
            "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)", "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)",
        ].joined(separator: "|")
        let base =
            environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache"
        // A name, not a check: the key inside names the file and is compared on load.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in absolute.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let name = String(hash, radix: 16)
        file = base + "/mlsoc/config-\(name).json"
    }

    /// The cached sections, or nil when there is no copy of this exact file.
    package func load() -> MlsocConfig.Parts? {
        guard let stream = try? ByteStream(path: file, limit: 1 << 30) else { return nil }
        let reader = JSONReader(stream: stream)
        var matches = false
        var parts = MlsocConfig.Parts(file: MlsocConfig.File(), models: [], projects: [])
        do {
            try reader.forEachMember { name in
                switch name {
                case "key":
                    matches = try reader.readValue().string == key
                    if !matches { throw CacheMiss() }
                case "file":
                    parts.file = try JSONDecoder().decode(MlsocConfig.File.self, from: Data(try reader.readValue().jsonText.utf8))
                case "projects":
                    parts.projects = try JSONDecoder().decode([MlsocConfig.Project].self, from: Data(try reader.readValue().jsonText.utf8))
                case "models":
                    parts.models.reserveCapacity(1024)
                    try reader.forEachElement {
                        let m = try reader.readValue()
                        guard let name = m["name"]?.string else { throw CacheMiss() }
                        parts.models.append(
                            MlsocConfig.Model(
                                name: name, version: m["version"]?.string, owner: m["owner"]?.string, criticality: m["criticality"]?.double,
                                stage: m["stage"]?.string, paths: m["paths"]?.array?.compactMap(\.string),
                                aliases: m["aliases"]?.array?.compactMap(\.string)))
                    }
                default:
                    try reader.skipValue()
                }
            }
        } catch {
            return nil
        }
        return matches ? parts : nil
    }

    /// Writes the sections for the next command; failures are ignored (the cache is optional).
    package func store(_ parts: MlsocConfig.Parts) {
        let directory = (file as NSString).deletingLastPathComponent
        guard
            (try? FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])) != nil
        else { return }
        struct Copy: Encodable {
            let key: String
            let parts: MlsocConfig.Parts
            enum CodingKeys: String, CodingKey { case key, file, projects, models }
            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(key, forKey: .key)
                try container.encode(parts.file, forKey: .file)
                try container.encode(parts.projects, forKey: .projects)
                try container.encode(parts.models, forKey: .models)
            }
        }
        guard let data = try? JSONEncoder().encode(Copy(key: key, parts: parts)) else { return }
        let temporary = file + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temporary, file) != 0 { unlink(temporary) }
    }

    private struct CacheMiss: Error {}
}
