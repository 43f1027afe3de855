import Testing
@testable import MessageDesk

@Test func compactRenderingKeepsInsertionOrder() {
    let value: JSONValue = ["a": 1, "b": [true, nil]]
    #expect(value.rendered() == #"{"a":1,"b":[true,null]}"#)
    let reversed: JSONValue = ["z": 1, "a": 2]
    #expect(reversed.rendered() == #"{"z":1,"a":2}"#)
}

@Test func prettyRenderingIndentsByTwoSpaces() {
    let value: JSONValue = ["a": 1, "b": [true, nil], "c": [:], "d": [], "e": ["f": "山田"]]
    let expected = """
        {
          "a": 1,
          "b": [
            true,
            null
          ],
          "c": {},
          "d": [],
          "e": {
            "f": "山田"
          }
        }
        """
    #expect(value.rendered(pretty: true) == expected)
}

@Test func scalarsRender() {
    #expect(JSONValue.null.rendered() == "null")
    #expect(JSONValue.bool(false).rendered() == "false")
    #expect(JSONValue.int(-42).rendered() == "-42")
    #expect(JSONValue.array([]).rendered(pretty: true) == "[]")
}

@Test func integralDoublesRenderWithoutFraction() {
    #expect(JSONValue.number(12).rendered() == "12")
    #expect(JSONValue.number(-3).rendered() == "-3")
    #expect(JSONValue.number(-0.0).rendered() == "0")
}

@Test func fractionalDoublesUseShortestRoundTripForm() {
    #expect(JSONValue.number(0.1).rendered() == "0.1")
    #expect(JSONValue.number(2.5).rendered() == "2.5")
    #expect(JSONValue.number(1e20).rendered() == "1e+20")
}

@Test func nonFiniteNumbersRenderAsNull() {
    #expect(JSONValue.number(.nan).rendered() == "null")
    #expect(JSONValue.number(.infinity).rendered() == "null")
    #expect(JSONValue.number(-.infinity).rendered() == "null")
}

@Test func stringsUseShortEscapes() {
    #expect(JSONValue.string("a\"b\\c\u{8}\u{C}\n\r\t/").rendered() == #""a\"b\\c\b\f\n\r\t/""#)
}

@Test func controlAndBidiCharactersAreEscapedInLowerCaseHex() {
    #expect(JSONValue.string("\u{1B}[2J").rendered() == #""\u001b[2J""#)
    #expect(JSONValue.string("\u{9B}").rendered() == #""\u009b""#)
    #expect(JSONValue.string("\u{202E}abc").rendered() == #""\u202eabc""#)
    #expect(JSONValue.string("\u{0}\u{7F}\u{2028}\u{2029}\u{2066}").rendered()
        == #""\u0000\u007f\u2028\u2029\u2066""#)
}

@Test func japaneseAndEmojiStayRaw() {
    #expect(JSONValue.string("山田太郎 ｶﾅ 👨‍👩‍👧").rendered() == "\"山田太郎 ｶﾅ 👨‍👩‍👧\"")
}

@Test func parsingRenderedOutputGivesBackTheValue() throws {
    let value: JSONValue = [
        "name": "山田太郎",
        "tricky": "\u{1B}[2J \"q\" \\ \n\t \u{9B} \u{202E} 😀 \u{2028}",
        "numbers": [0, -1, .int(Int.max), .int(Int.min), 0.25, 1e-7, -2.5e300],
        "nested": ["empty": [:], "list": [], "flags": [true, false, nil]],
    ]
    #expect(try JSONValue.parse(value.rendered()) == value)
    #expect(try JSONValue.parse(value.rendered(pretty: true)) == value)
}

@Test func parseKeepsKeyOrderAndTypes() throws {
    let value = try JSONValue.parse(#" { "z" : 1 , "a" : [ 1.5 , "x" , null , true ] } "#)
    #expect(value == ["z": 1, "a": [1.5, "x", nil, true]])
    #expect(value.rendered() == #"{"z":1,"a":[1.5,"x",null,true]}"#)
}

@Test func parseChoosesIntOnlyForPlainIntegersThatFit() throws {
    #expect(try JSONValue.parse("12").rendered() == "12")
    guard case .int(12) = try JSONValue.parse("12") else { Issue.record("not int"); return }
    guard case .number(1000) = try JSONValue.parse("1e3") else { Issue.record("not number"); return }
    guard case .number(1.0) = try JSONValue.parse("1.0") else { Issue.record("not number"); return }
    guard case .number(1e20) = try JSONValue.parse("100000000000000000000") else {
        Issue.record("overflowing integer should become a number"); return
    }
}

@Test func intAndNumberCompareByValue() {
    #expect(JSONValue.int(2) == JSONValue.number(2.0))
    #expect(JSONValue.int(2) != JSONValue.number(2.5))
    #expect(JSONValue.int(1) != JSONValue.bool(true))
}

@Test func objectEqualityRespectsKeyOrder() {
    #expect(JSONValue(dictionaryLiteral: ("a", 1), ("b", 2)) != ["b": 2, "a": 1])
}

@Test func parseDecodesUnicodeEscapesAndSurrogatePairs() throws {
    #expect(try JSONValue.parse(#""\u5c71\u7530 \ud83d\ude00 \u001B \/""#) == "山田 😀 \u{1B} /")
}

@Test func parseRejectsLoneSurrogates() {
    #expect(throws: JSONParseError.self) { try JSONValue.parse(#""\ud83d""#) }
    #expect(throws: JSONParseError.self) { try JSONValue.parse(#""\ude00""#) }
    #expect(throws: JSONParseError.self) { try JSONValue.parse(#""\ud83d\u0041""#) }
}

@Test func parseRejectsTrailingCommaInObject() {
    let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"a":1,}"#) }
    #expect(error?.offset == 7)
}

@Test func parseRejectsTrailingGarbage() {
    let error = #expect(throws: JSONParseError.self) { try JSONValue.parse("[1] x") }
    #expect(error?.offset == 4)
    #expect(error?.description == "unexpected text after the JSON value at byte 4")
}

@Test func parseRejectsUnterminatedStrings() {
    let error = #expect(throws: JSONParseError.self) { try JSONValue.parse(#"["ab"#) }
    #expect(error?.offset == 1)
    #expect(throws: JSONParseError.self) { try JSONValue.parse(#""abc\"#) }
    #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"a"#) }
}

@Test func parseRejectsNonJSON() {
    for text in ["", " ", "[1,]", "01", "-", "1.", ".5", "1e", "+1", "tru", "NaN", "'a'",
                 "\"a\nb\"", "{1:2}", "[1 2]", "\"\\x\"", "1e400", "// c\n1"] {
        #expect(throws: JSONParseError.self, "\(text)") { try JSONValue.parse(text) }
    }
}

@Test func parseRejectsDeepNestingInsteadOfCrashing() {
    #expect(throws: JSONParseError.self) { try JSONValue.parse(String(repeating: "[", count: 100_000)) }
    #expect(throws: Never.self) {
        try JSONValue.parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500))
    }
}

@Test func subscriptLooksUpObjectKeys() {
    let value: JSONValue = ["a": 1, "b": [true, nil], "a": 3]
    #expect(value["b"] == [true, nil])
    #expect(value["a"] == 3)
    #expect(value["missing"] == nil)
    #expect(JSONValue.int(1)["a"] == nil)
}

/// Hidden characters beyond the BMP (tag characters) are escaped as UTF-16 surrogate pairs, as JSON requires.
@Test func hiddenCharactersAreEscapedAndAstralOnesAsSurrogatePairs() throws {
    let text = "山田\u{200B}太郎\u{E0041}\u{00AD}"
    let rendered = JSONValue.string(text).rendered()
    #expect(rendered == #""山田\u200b太郎\udb40\udc41\u00ad""#)
    #expect(try JSONValue.parse(rendered) == .string(text))
}
