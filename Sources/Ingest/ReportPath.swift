import Findings
import Foundation

/// Paths as scanners write them, cleaned once so that every format of a run names a file the same
/// way and models are attributed from the real file name:
/// - SARIF artifact URIs are URI references: `%20` is a space, `%3A` a colon;
/// - a position a scanner appends to the file (` (pos 12)`, ` (layer: sha256:…)`, ` (offset 7)`)
///   is not part of the path: it is split off and kept apart;
/// - a prefix written twice (`infra/k8s/infra/k8s/deploy.yaml` from checkov's Kubernetes runner
///   given a relative `-d`, `x.pt/x.pt:data.pkl` from a single-file ModelScan run) is one prefix.
enum ReportPath {
    struct Cleaned: Equatable {
        var path: String
        /// The position inside the file the scanner appended (`pos 12`), if any.
        var position: String?
    }

    /// A SARIF `artifactLocation.uri`. An absolute `file:` URI (RFC 8089: `file:///srv/x.py`,
    /// `file://localhost/srv/x.py`, `file:/srv/x.py`, `file:///C:/x.py`) is the path it names, as the
    /// same tool's JSON writes it: bandit given an absolute path writes `/srv/x.py` in JSON and
    /// `file:///srv/x.py` in SARIF, and one run in both formats is one set of findings.
    static func fromURI(_ uri: String) -> Cleaned {
        var text = uri
        if text.utf8.contains(UInt8(ascii: "%")), let decoded = text.removingPercentEncoding { text = decoded }
        return clean(withoutFileScheme(text))
    }

    static func withoutFileScheme(_ uri: String) -> String {
        guard uri.hasPrefix("file:") else { return uri }
        var rest = uri.dropFirst(5)
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            if rest.hasPrefix("localhost/") { rest = rest.dropFirst(9) }
            // `file://server/share/x`: a host other than this one; kept as written.
            guard rest.hasPrefix("/") else { return uri }
        }
        guard rest.hasPrefix("/") else { return uri }
        // `/C:/x.py` is the Windows path `C:/x.py`.
        let bytes = Array(rest.utf8.prefix(4))
        if bytes.count == 4, bytes[2] == UInt8(ascii: ":"), bytes[3] == UInt8(ascii: "/"),
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[1] & 0xDF)
        {
            return String(rest.dropFirst())
        }
        return String(rest)
    }

    /// A path from a tool's JSON.
    static func clean(_ raw: String) -> Cleaned {
        var path = raw
        var position: String?
        for marker in [" (pos ", " (layer: ", " (layer ", " (offset ", " (position "] {
            if path.hasSuffix(")"), let range = path.range(of: marker, options: .backwards) {
                position = String(path[path.index(range.lowerBound, offsetBy: 2)..<path.index(before: path.endIndex)])
                path = String(path[..<range.lowerBound])
                break
            }
        }
        return Cleaned(path: collapsingDoubledPrefix(Coverage.withoutDotSlash(path)), position: position)
    }

    /// `A/B/A/B/rest` → `A/B/rest`, and `f.pt/f.pt:m` → `f.pt:m`. A single repeated directory
    /// (`docs/docs/x`) may be real and is kept; a file name cannot be its own folder, so a single
    /// repeated component with an extension is collapsed.
    static func collapsingDoubledPrefix(_ path: String, minimumRepeat: Int = 2) -> String {
        // Runs per finding: byte checks, Substrings, and an early way out for the common case.
        let slash = UInt8(ascii: "/")
        guard path.utf8.contains(slash) else { return path }
        let absolute = path.utf8.first == slash
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(absolute ? 1 : 0)
        guard parts.count >= 2 else { return path }
        let list = Array(parts)
        // A single-file scan: the file, then the file again with a member (`x.pt/x.pt:data.pkl`).
        for index in 0..<(list.count - 1) where list[index].utf8.contains(UInt8(ascii: ".")) {
            let next = list[index + 1]
            if next == list[index] || (next.hasPrefix(list[index]) && next.dropFirst(list[index].count).first == ":") {
                let kept = list[..<index] + list[(index + 1)...]
                return (absolute ? "/" : "") + kept.joined(separator: "/")
            }
        }
        var length = list.count / 2
        while length >= minimumRepeat {
            if list.count > 2 * length, list[0..<length].elementsEqual(list[length..<(2 * length)]) {
                return (absolute ? "/" : "") + (list[0..<length] + list[(2 * length)...]).joined(separator: "/")
            }
            length -= 1
        }
        return path
    }
}
