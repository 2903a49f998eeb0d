import Foundation

/// Where a finding's resource holds data: the stores of `data_stores:` in the config, matched by
/// resource name and file path. A misconfiguration of a data store is a threat to its data
/// (TAXONOMY.md): public or cross-account write to training data is data poisoning; public read,
/// no encryption or no access logging of it is data loss; any of these on a store of model weights
/// is model theft.
///
/// ```yaml
/// data_stores:
///   - name: training-data
///     data: training                 # training | evaluation | features | inference | logs | weights
///     resources: ["*training*"]      # globs on the resource (aws_s3_bucket.training_data, a bucket name)
///     paths: ["infra/data/*.tf"]     # globs on the file of the finding
/// ```
public struct DataStore: Sendable, Equatable, Codable {
    public var name: String
    /// What the store holds: `weights` (model artefacts) or a kind of data.
    public var data: String
    public var resources: [String]?
    public var paths: [String]?

    public init(name: String, data: String, resources: [String]? = nil, paths: [String]? = nil) {
        self.name = name
        self.data = data
        self.resources = resources
        self.paths = paths
    }

    public static let kinds = ["training", "evaluation", "features", "inference", "logs", "weights"]

    /// True when the store holds model weights rather than data.
    public var holdsWeights: Bool { data == "weights" }
}
