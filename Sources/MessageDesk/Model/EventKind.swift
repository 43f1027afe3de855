/// What an event records, as the log stores it in `events.kind`, and what it is about.
///
/// The raw values are stored forever in an append-only log: never rename one. The subject comes from the kind
/// through an exhaustive switch, so an event cannot be filed under the wrong subject, and a new kind cannot be
/// written without saying what it is about.
enum EventKind: String, CaseIterable, Sendable {
    case staffAdded = "staff.added"
    case staffChanged = "staff.changed"
    case presenceChanged = "presence.changed"
    case callerAdded = "caller.added"
    case callerChanged = "caller.changed"
    case callTaken = "call.taken"
    case callbackOpened = "callback.opened"
    case callbackJoined = "callback.joined"
    case callbackRouted = "callback.routed"
    case callbackAcknowledged = "callback.acknowledged"
    case callbackAttempted = "callback.attempted"
    case callbackDone = "callback.done"
    case callbackCancelled = "callback.cancelled"
    case callbackReassigned = "callback.reassigned"
    case callbackEscalated = "callback.escalated"
    case callbackReminded = "callback.reminded"
    case callbackReopened = "callback.reopened"
    case callbackCorrected = "callback.corrected"
    case notificationSending = "notification.sending"
    case notificationDelivered = "notification.delivered"
    case notificationFailed = "notification.failed"
    case settingChanged = "setting.changed"
    case calendarAdded = "calendar.added"
    case calendarRemoved = "calendar.removed"
    case accountAdded = "account.added"
    case accountChanged = "account.changed"
    case accountLineAdded = "account.line_added"
    case accountLineRemoved = "account.line_removed"
    case accountClosed = "account.closed"
    case callScreened = "call.screened"
    case callStruck = "call.struck"
    case accountPlanSet = "account.plan_set"
    case accountBlocked = "account.blocked"
    case accountUnblocked = "account.unblocked"
    case staffChannelAdded = "staff.channel_added"
    case staffChannelRemoved = "staff.channel_removed"
    case accountChannelAdded = "account.channel_added"
    case accountChannelRemoved = "account.channel_removed"

    /// What the event is about; a notification's events belong to its callback's history.
    var subject: Event.Subject {
        switch self {
        case .staffAdded, .staffChanged, .staffChannelAdded, .staffChannelRemoved: .staff
        case .presenceChanged: .presence
        case .callerAdded, .callerChanged: .caller
        // A screened call's id is from the calls' sequence (migration 0011), so it names one call of either kind.
        case .callTaken, .callScreened, .callStruck: .call
        case .callbackOpened, .callbackJoined, .callbackRouted, .callbackAcknowledged, .callbackAttempted, .callbackDone,
             .callbackCancelled, .callbackReassigned, .callbackEscalated, .callbackReminded, .callbackReopened,
             .callbackCorrected, .notificationSending,
             .notificationDelivered, .notificationFailed: .callback
        // An account is part of the service's configuration (migration 0009): its events sit with the settings.
        case .settingChanged, .calendarAdded, .calendarRemoved, .accountAdded, .accountChanged, .accountLineAdded,
             .accountLineRemoved, .accountClosed, .accountPlanSet, .accountBlocked, .accountUnblocked, .accountChannelAdded,
             .accountChannelRemoved: .setting
        }
    }
}
