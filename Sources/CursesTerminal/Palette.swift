import CNCurses
import ConsoleUI

/// One colour pair per style role, allocated once; attributes per role.
final class Palette {
    private let theme: Theme
    private let colors: Int
    private var table: [StyleRole: (attr_t, Int16)] = [:]

    init(theme: Theme, colors: Int) {
        self.theme = theme
        self.colors = colors
    }

    func allocate() {
        var next: Int16 = 1
        var pairs: [PairKey: Int16] = [:]
        for role in StyleRole.allCases {
            let style = theme.style(role)
            var attrs = cnc_a_normal()
            if style.bold { attrs |= cnc_a_bold() }
            if style.reverse { attrs |= cnc_a_reverse() }
            if style.underline { attrs |= cnc_a_underline() }
            if style.dim { attrs |= cnc_a_dim() }
            var pair: Int16 = 0
            if colors >= 8 {
                let key = PairKey(foreground: number(style.foreground), background: number(style.background))
                if key.foreground != -1 || key.background != -1 {
                    if let existing = pairs[key] {
                        pair = existing
                    } else if Int(next) < Int(cnc_color_pairs()) {
                        init_pair(next, key.foreground, key.background)
                        pairs[key] = next
                        pair = next
                        next += 1
                    }
                }
            }
            table[role] = (attrs, pair)
        }
    }

    func attributes(_ role: StyleRole) -> (attr_t, Int16) {
        table[role] ?? (cnc_a_normal(), 0)
    }

    private func number(_ color: Color) -> Int16 {
        switch color.fitted(to: colors) {
        case .terminalDefault: -1
        case let .ansi(n), let .indexed(n): Int16(n)
        }
    }

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }
}
