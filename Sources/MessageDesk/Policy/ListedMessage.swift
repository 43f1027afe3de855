/// What lists, reports and notifications may show of a callback's message: its words, or — when any
/// of its messages is sensitive — only that a message exists and where its words can be read.
///
/// Every output that is not the callback's own full view (`desk show ID`) takes the message from
/// here, so a new output cannot forget to hide a sensitive one.
public enum ListedMessage {
    /// The fixed text shown instead of a sensitive message's words.
    public static func marker(callbackID: Int) -> String {
        "(sensitive — see desk show \(callbackID))"
    }

    /// The latest message as a table, a CSV cell or a notification shows it: its words, or the marker.
    public static func text(of callback: CallbackRequest) -> String {
        callback.sensitive ? marker(callbackID: callback.id) : callback.latestMessage
    }

    /// The latest message as JSON shows it: its words, or null when sensitive (the `sensitive` field says why).
    public static func json(of callback: CallbackRequest) -> JSONValue {
        callback.sensitive ? .null : .string(callback.latestMessage)
    }
}
