/** An outcome-model assumption's name in words: "hrGradeG3" → "HR grade G3", "pfsShape" → "PFS shape". */
export function assumptionWords(name: string): string {
  const words = name
    .replace(/Ki67Per10/g, "KiSixtySeven")
    .replace(/([a-z])([A-Z0-9])/g, "$1 $2")
    .replace(/^hr\b/, "HR")
    .replace(/^pfs\b/, "PFS")
    .replace(/^pps\b/, "Post-progression")
    .replace(/\b([A-Z])([a-z]+)/g, (word) => (/^(Nec|Enets)$/.test(word) ? word.toUpperCase() : word.toLowerCase()))
    .replace(/ki sixty seven/i, "Ki-67 per 10 points");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
