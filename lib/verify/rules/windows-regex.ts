// Whether a regular expression's body names a Windows image or path (`\\cmd\.exe$`, `C:\\Windows`),
// read after removing the regex escapes that stand for the literal characters.
// `.com` is left out: in a regex it is far more often a domain than an MS-DOS image.
const IMAGE = /\.(exe|dll|sys|ps1|bat|cmd|vbs|js|hta|msi|scr|cpl|lnk)\b/i;
const PATH = /[a-z]:\\|\\(windows|system32|syswow64|program files|programdata|users|temp)\\/i;

export function regexNamesWindows(body: string): boolean {
  const plain = body.replace(/\\([.\\$^*+?()[\]{}|/])/g, "$1");
  return /[a-z]/i.test(plain) && (IMAGE.test(plain) || PATH.test(plain));
}
