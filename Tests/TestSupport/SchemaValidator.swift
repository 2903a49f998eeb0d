import Foundation

/// Validates JSON files against the published schemas in Tests/Schemas with python's jsonschema
/// (`.venv-test`, made by scripts/install-test-tools.sh, which `make test` runs).
public enum SchemaValidator {
    public static var python: String? {
        let path = TestPaths.packageRoot.appendingPathComponent(".venv-test/bin/python").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// The validator's output, and whether every file is valid.
    public static func validate(schema: String, files: [String]) throws -> (valid: Bool, output: String) {
        guard let python else {
            throw TmuxError(message: "no .venv-test: run scripts/install-test-tools.sh (make test does)")
        }
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/validate-json.py").path
        let result = try Shell.run([python, script, schema] + files)
        return (result.status == 0, result.stdout + result.stderr)
    }
}
