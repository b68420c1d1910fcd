/// An optional that encodes as JSON `null` instead of being left out, as GitHub sends required nullable fields.
@propertyWrapper
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    /// The value, or `nil` for `null`.
    var wrappedValue: Value?

    /// Wraps a value that may be absent.
    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    /// Writes the value, or `null` when there is none.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}
