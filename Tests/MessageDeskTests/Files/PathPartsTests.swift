import Testing
@testable import DeskStorage
@testable import MessageDesk

/// The directory and the file name of any string a user may give as a path, without a trap.
@Suite struct PathPartsTests {
    @Test(arguments: [
        ("", ".", ""), ("a", ".", "a"), ("/", "/", ""), ("//", "/", ""), ("a/", ".", "a"), ("./x", ".", "x"),
        ("..", ".", ".."), ("/a/b/", "/a", "b"), ("/a", "/", "a"), ("a/b", "a", "b"), ("a//b//", "a", "b"),
        ("//a", "/", "a"), ("/a//b", "/a", "b"), ("../x", "..", "x"), ("x/.", "x", "."), ("山田/伝言.sqlite", "山田", "伝言.sqlite"),
        ("a\u{0}b/c", "a\u{0}b", "c"), (" ", ".", " "), ("/ /", "/", " "),
    ])
    func splitsLikeDirnameAndBasename(path: String, directory: String, name: String) {
        let parts = PathParts(path)
        #expect(parts.directory == directory, "directory of \(path.debugDescription)")
        #expect(parts.name == name, "name of \(path.debugDescription)")
    }

    /// Every short string of the characters that matter in a path splits without trapping, and the
    /// directory joined to the name names the same place.
    @Test func neverTrapsOnAnyShortStringOfSlashesDotsAndLetters() {
        let alphabet: [Character] = ["/", ".", "a", "é"]
        var paths = [""]
        for _ in 1...5 { paths += paths.flatMap { path in alphabet.map { path + String($0) } } }
        for path in Set(paths) {
            let parts = PathParts(path)
            #expect(!parts.directory.isEmpty)
            #expect(!parts.name.contains("/"))
            if !parts.name.isEmpty {
                let rejoined = parts.directory == "/" ? "/" + parts.name : parts.directory + "/" + parts.name
                #expect(normalised(rejoined) == normalised(path), "\(path.debugDescription) → \(parts)")
            }
        }
    }

    /// Repeated and trailing slashes and "." components dropped: "./a//b/." → "a/b".
    private func normalised(_ path: String) -> String {
        let joined = path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}
