@main struct Bench { static func main() { print("mlsoc-bench: see issue 8") } }
