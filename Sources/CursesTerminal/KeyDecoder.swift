import CNCurses
import ConsoleUI

/// Turns curses key codes into `Key`s.
enum KeyDecoder {
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case KEY_F0 + 1...KEY_F0 + 24: .function(Int(code - KEY_F0))
        default: nil
        }
    }

    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 13, 10: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return Unicode.Scalar(code + 96).map { .control(Character($0)) }
        case 0, 28...31: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }
}
