import Foundation
import JSONStream
import Yams

/// The model and project registries read straight from the YAML tree: a registry may list hundreds
/// of thousands of models, and Codable decoding took ~150 µs a model (a 200k-model config made
/// `mlsoc models` take half a minute). The other sections are small and keep `YAMLDecoder`.
extension MlsocConfig {
    /// The document's top-level mapping without the registry sections, and the sections.
    package static func splitRegistry(_ node: Node) -> (rest: Node, models: Node?, projects: Node?) {
        guard let mapping = node.mapping else { return (node, nil, nil) }
        var rest: [(Node, Node)] = []
        var models: Node?
        var projects: Node?
        for (key, value) in mapping {
            switch key.string {
            case "models": models = value
            case "projects": projects = value
            default: rest.append((key, value))
            }
        }
        return (.mapping(Node.Mapping(rest)), models, projects)
    }

    package static func models(_ node: Node?, source: String) throws -> [Model] {
        try entries(node, section: "models", source: source) { fields in
            Model(
                name: try fields.required("name"), version: try fields.text("version"), owner: try fields.text("owner"),
                criticality: try fields.number("criticality"), stage: try fields.text("stage"), paths: try fields.list("paths"),
                aliases: try fields.list("aliases"))
        }
    }

    package static func projects(_ node: Node?, source: String) throws -> [Project] {
        try entries(node, section: "projects", source: source) { fields in
            Project(
                name: try fields.required("name"), owner: try fields.text("owner"), criticality: try fields.number("criticality"),
                repository: try fields.text("repository"), paths: try fields.list("paths"))
        }
    }

    /// The tree with YAML merge keys (`<<: *defaults`) marked as such. The config is composed with
    /// Yams' basic resolver: the default one runs up to seven regular expressions on every plain
    /// scalar (most of the time a 200k-model registry took to read), and the config needs none of
    /// them; the decoder reads numbers and text from the scalar's text. Merge keys are the one
    /// implicit tag the decoder acts on.
    package static func markingMergeKeys(_ node: Node) -> Node {
        switch node {
        case let .mapping(mapping):
            let pairs = mapping.map { key, value -> (Node, Node) in
                let merge = key.scalar.map { $0.style == .plain && $0.string == "<<" } ?? false
                return (merge ? .scalar(.init("<<", Tag(.merge), .plain, key.mark)) : key, markingMergeKeys(value))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case let .sequence(sequence):
            return .sequence(Node.Sequence(sequence.map(markingMergeKeys), sequence.tag, sequence.style, sequence.mark))
        default:
            return node
        }
    }

    /// One registry entry's fields, with errors that name the file and the key (`models.3.stage`).
    /// Keys are compared as text; merged mappings (`<<: *defaults`, or a list of them) give the keys
    /// the entry does not set itself.
    package struct Fields {
        let fields: [String: Node]
        let place: String
        let source: String

        init(mapping: Node.Mapping, place: String, source: String) {
            var fields: [String: Node] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else { continue }
                if key.scalar?.style == .plain, name == "<<" {
                    let merged = value.mapping.map { [$0] } ?? value.sequence?.compactMap(\.mapping) ?? []
                    for source in merged {
                        for (mergedKey, mergedValue) in source {
                            if let mergedName = mergedKey.scalar?.string, fields[mergedName] == nil { fields[mergedName] = mergedValue }
                        }
                    }
                } else {
                    fields[name] = value
                }
            }
            self.fields = fields
            self.place = place
            self.source = source
        }

        func error(_ key: String, _ message: String) -> IngestError {
            IngestError(.malformed, file: source, "at \(place).\(key): \(message)")
        }

        func text(_ key: String) throws -> String? {
            guard let value = fields[key] else { return nil }
            if case .scalar(let scalar) = value {
                return value.null != nil ? nil : scalar.string
            }
            throw error(key, "expected text")
        }

        func required(_ key: String) throws -> String {
            guard let text = try text(key) else { throw error(key, "missing") }
            return text
        }

        func number(_ key: String) throws -> Double? {
            guard let text = try text(key) else { return nil }
            guard let number = Double(text) else { throw error(key, "expected a number, not '\(text)'") }
            return number
        }

        func list(_ key: String) throws -> [String]? {
            guard let value = fields[key] else { return nil }
            guard let sequence = value.sequence else { throw error(key, "expected a list") }
            return try sequence.enumerated().map { index, item in
                guard case .scalar(let scalar) = item else { throw error("\(key).\(index)", "expected text") }
                return scalar.string
            }
        }
    }

    private static func entries<T>(_ node: Node?, section: String, source: String, _ make: (Fields) throws -> T) throws -> [T] {
        guard let node else { return [] }
        if node.null != nil { return [] }
        guard let sequence = node.sequence else {
            throw IngestError(.malformed, file: source, "at \(section): expected a list")
        }
        return try sequence.enumerated().map { index, item in
            guard let mapping = item.mapping else {
                throw IngestError(.malformed, file: source, "at \(section).\(index): expected a mapping (name: …)")
            }
            return try make(Fields(mapping: mapping, place: "\(section).\(index)", source: source))
        }
    }
}
