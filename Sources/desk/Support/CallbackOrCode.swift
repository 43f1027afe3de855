import ArgumentParser
import MessageDesk

/// What `desk ack` and `desk done` act on: a callback by its id (digits), or by the reply code of one of its
/// notifications (which always holds a letter).
enum CallbackOrCode: ExpressibleByArgument {
    case callback(Int)
    case code(ReplyCode)

    init?(argument: String) {
        if !argument.isEmpty, argument.allSatisfy(\.isASCIIDigit), let id = Int(argument) {
            self = .callback(id)
        } else if let code = ReplyCode(reading: argument) {
            self = .code(code)
        } else {
            return nil
        }
    }
}
