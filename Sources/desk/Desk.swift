// Placeholder: replaced by the command tree.
@main
enum DeskMain {
    static func main() {}
}
