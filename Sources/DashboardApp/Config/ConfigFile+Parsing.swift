import DashboardCore
import Foundation
import TerminalUI
import Yams

extension ConfigFile {
    /// Parses configuration YAML; every error names the line and column of the node at fault.
    public static func parse(_ yaml: String, path: String) throws(ConfigError) -> ConfigFile {
        let document: Node?
        do {
            // Composed, not loaded: only nodes keep their place in the file.
            document = try BoundedYAML.compose(yaml)
        } catch let refusal as BoundedYAML.Refusal {
            throw ConfigError(path: path, at: refusal.mark, reason: refusal.reason)
        } catch {
            throw ConfigError(path: path, yamlError: error, yaml: yaml)
        }
        guard let document, document.null == nil else { return ConfigFile() }
        guard let root = document.mapping else {
            throw ConfigError(path: path, at: document.mark, reason: "expected a mapping of settings")
        }
        var config = ConfigFile()
        let reader = NodeReader(path: path)
        for (keyNode, value) in root {
            let key = try reader.name(keyNode, of: "a setting")
            switch key {
            case "api_url": config.apiURL = try reader.text(value, key)
            case "hostname": config.hostname = try reader.text(value, key)
            case "insecure_http": config.insecureHTTP = try reader.flag(value, key)
            case "orgs": config.orgs = try reader.texts(value, key)
            case "theme": config.theme = try reader.text(value, key)
            case "download_dir": config.downloadDirectory = try reader.text(value, key)
            case "readonly": config.readOnly = try reader.flag(value, key)
            case "bell": config.bell = try reader.flag(value, key)
            case "notify": (config.notify, config.notifyVia) = try reader.notification(value, key)
            case "auto_download": config.autoDownload = try reader.flag(value, key)
            case "download_concurrency": config.downloadConcurrency = try reader.count(value, key, in: 1...16)
            case "request_budget": config.requestBudget = try reader.count(value, key, in: RequestBudget.allowed)
            case "imports": config.imports = try reader.texts(value, key)
            case "journal": config.journal = try reader.text(value, key)
            case "keys": config.keys = try reader.keys(value)
            default:
                throw ConfigError(path: path, at: keyNode.mark, reason: "unknown setting \"\(key)\"")
            }
        }
        return config
    }
}

/// Reads typed values out of YAML nodes, throwing errors placed at the node that is wrong.
private struct NodeReader {
    let path: String

    func fail(_ node: Node, _ reason: String) -> ConfigError {
        ConfigError(path: path, at: node.mark, reason: reason)
    }

    /// A mapping key: plain text.
    func name(_ node: Node, of what: String) throws(ConfigError) -> String {
        guard let name = node.scalar?.string else { throw fail(node, "\(what) must be named by plain text") }
        return name
    }

    /// Text: any scalar but null and true/false (a folder or an organization may look like a number).
    func text(_ node: Node, _ key: String) throws(ConfigError) -> String {
        guard let scalar = node.scalar, node.null == nil, node.bool == nil else {
            throw fail(node, "\(key) must be text")
        }
        return scalar.string
    }

    /// One text or a list of them.
    func texts(_ node: Node, _ key: String) throws(ConfigError) -> [String] {
        if node.scalar != nil { return [try text(node, key)] }
        guard let list = node.sequence else { throw fail(node, "\(key) must be a list") }
        var texts: [String] = []
        for item in list { texts.append(try text(item, "each entry of \(key)")) }
        return texts
    }

    /// A whole number within `range`.
    func count(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let number = node.int, range.contains(number) else {
            throw fail(node, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// `notify:`: true or false, or the sequence to send (which turns them on).
    func notification(_ node: Node, _ key: String) throws(ConfigError) -> (Bool, NotificationProtocol?) {
        if let flag = node.bool { return (flag, nil) }
        guard node.null == nil, let text = node.scalar?.string, let via = NotificationProtocol(rawValue: text) else {
            throw fail(node, "\(key) must be true, false, osc777, osc9 or both")
        }
        return (true, via)
    }

    func flag(_ node: Node, _ key: String) throws(ConfigError) -> Bool {
        guard let flag = node.bool else { throw fail(node, "\(key) must be true or false") }
        return flag
    }

    /// `keys:`: command names of the key table, each with key names the table understands.
    func keys(_ node: Node) throws(ConfigError) -> [String: [String]] {
        guard let map = node.mapping else { throw fail(node, "keys must be a mapping of command: [keys]") }
        var keys: [String: [String]] = [:]
        for (commandNode, value) in map {
            let command = try name(commandNode, of: "a command")
            guard Command(rawValue: command) != nil else {
                throw fail(commandNode, KeymapError.unknownCommand(command).description)
            }
            let items = value.scalar != nil ? [value] : Array(value.sequence ?? [])
            guard value.scalar != nil || value.sequence != nil else {
                throw fail(value, "keys.\(command) must be a key or a list of keys")
            }
            var names: [String] = []
            for item in items {
                let keyName = try text(item, "each key of keys.\(command)")
                guard let key = Key(name: keyName), key != .resize, !Self.isControl(key) else {
                    throw fail(item, KeymapError.unknownKey(keyName).description)
                }
                names.append(keyName)
            }
            keys[command] = names
        }
        return keys
    }

    /// A single control character typed into the file is no key name.
    private static func isControl(_ key: Key) -> Bool {
        guard case .character(let character) = key else { return false }
        return character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
