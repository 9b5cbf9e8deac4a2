using System.Text;

namespace HipPain.Rules.Validation;

/// <summary>
/// Writes a path in the one grammar of docs/errors.md: <c>$</c>, then <c>.name</c> (a letter or <c>_</c>, then
/// letters, digits or <c>_</c>), <c>[index]</c> or <c>['name']</c> (with <c>\</c> and <c>'</c> escaped by a
/// <c>\</c>). Paths built from a document's own property names (an unknown property, a property of a stored result)
/// or taken from System.Text.Json may hold a name that is not a plain name; it is rewritten in the quoted form.
/// </summary>
internal static class ProblemPath
{
    /// <summary>The path in the grammar; a path that does not start with <c>$</c> is returned as it is.</summary>
    public static string Normalize(string path)
    {
        if (path.Length == 0 || path[0] != '$' || IsInGrammar(path))
        {
            return path;
        }

        var text = new StringBuilder("$");
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var name = new StringBuilder();
                var j = i + 2;
                while (j < path.Length && !(path[j] == '\'' && j + 1 < path.Length && path[j + 1] == ']'))
                {
                    if (path[j] == '\\' && j + 1 < path.Length)
                    {
                        j++;
                    }

                    name.Append(path[j]);
                    j++;
                }

                AppendName(text, name.ToString());
                i = j + 2;
            }
            else if (path[i] == '[' && path.IndexOf(']', i) is var close and > 0 && close > i + 1 && path.AsSpan(i + 1, close - i - 1).IndexOfAnyExceptInRange('0', '9') < 0)
            {
                text.Append(path, i, close - i + 1);
                i = close + 1;
            }
            else
            {
                // A name after '.', or any other text up to the next segment, taken as one name.
                var start = path[i] == '.' ? i + 1 : i;
                var end = path.IndexOfAny(['.', '['], start);
                end = end < 0 ? path.Length : end;
                AppendName(text, path[start..end]);
                i = end;
            }
        }

        return text.ToString();
    }

    /// <summary>Appends <c>.name</c>, or <c>['name']</c> when the name is not a plain name.</summary>
    public static StringBuilder AppendName(StringBuilder path, string name)
    {
        if (IsPlainName(name))
        {
            return path.Append('.').Append(name);
        }

        path.Append("['");
        foreach (var c in name)
        {
            if (c is '\\' or '\'')
            {
                path.Append('\\');
            }

            path.Append(c);
        }

        return path.Append("']");
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.AsSpan(1).ContainsAnyExcept(PlainTail) is false;

    private static readonly System.Buffers.SearchValues<char> PlainTail =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private static bool IsInGrammar(string path)
    {
        var i = 1;
        while (i < path.Length)
        {
            switch (path[i])
            {
                case '.':
                    var end = path.IndexOfAny(['.', '['], i + 1);
                    end = end < 0 ? path.Length : end;
                    if (!IsPlainName(path[(i + 1)..end]))
                    {
                        return false;
                    }

                    i = end;
                    break;
                case '[' when i + 1 < path.Length && path[i + 1] == '\'':
                    var j = i + 2;
                    while (j < path.Length && path[j] != '\'')
                    {
                        j += path[j] == '\\' ? 2 : 1;
                    }

                    if (j + 1 >= path.Length || path[j + 1] != ']')
                    {
                        return false;
                    }

                    i = j + 2;
                    break;
                case '[':
                    var close = path.IndexOf(']', i);
                    if (close <= i + 1 || path.AsSpan(i + 1, close - i - 1).IndexOfAnyExceptInRange('0', '9') >= 0)
                    {
                        return false;
                    }

                    i = close + 1;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
