import Foundation

/// GitHub's legacy global node ids: base64 of `0<length>:<Type><id>`, e.g. `MDQ6VXNlcjE=` for user 1.
enum NodeID {
    /// The node id of an object of type `type` with database id `id`.
    static func make(_ type: String, _ id: Int) -> String {
        Data("0\(type.count):\(type)\(id)".utf8).base64EncodedString()
    }
}
