//===- SarifExport.cpp - clang-tidy's exported diagnostics as SARIF -------===//
//
// Clang's SarifDocumentWriter builds the whole log: the run, the rules, the
// results and their locations (artifacts, regions in code points). It has no
// builder for a result's related locations (notes) or fixes, so those are
// made with the same writer: each note and each fix-it range is appended as
// a helper result, whose writer-made location is then moved into its
// diagnostic's result, and the helper results are dropped.
//
//===----------------------------------------------------------------------===//

#include "SarifExport.h"

#include "utils/LLVMCompat.h"

#include "clang/Basic/FileManager.h"
#include "clang/Basic/Sarif.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <vector>

namespace ndtidy {
using namespace clang;
namespace compat = clang::tidy::ndarray::compat;

namespace {

std::string resolvePath(StringRef Path, StringRef BuildDirectory) {
  llvm::SmallString<256> Full(Path);
  if (!llvm::sys::path::is_absolute(Full) && !BuildDirectory.empty()) {
    Full = BuildDirectory;
    llvm::sys::path::append(Full, Path);
  }
  llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
  return std::string(Full);
}

/// Character ranges in the files the diagnostics name, as they are now on
/// disk. A file that is gone or too short for an offset gives no range: its
/// diagnostic is reported without a location and its fix-it is dropped,
/// rather than pointing at the wrong text.
class FileRanges {
public:
  explicit FileRanges(SourceManager &SM) : SM(SM) {}

  std::optional<CharSourceRange> range(StringRef Path, unsigned Offset,
                                       unsigned Length) {
    std::optional<FileID> FID = file(Path);
    if (!FID)
      return std::nullopt;
    std::optional<llvm::MemoryBufferRef> Buffer = SM.getBufferOrNone(*FID);
    if (!Buffer || Offset > Buffer->getBufferSize() ||
        Length > Buffer->getBufferSize() - Offset)
      return std::nullopt;
    SourceLocation Begin = SM.getComposedLoc(*FID, Offset);
    return CharSourceRange::getCharRange(Begin, Begin.getLocWithOffset(Length));
  }

  /// The identifier (or else the one character) starting at \p Offset: the
  /// extent of a diagnostic that came without a range.
  unsigned tokenLength(StringRef Path, unsigned Offset) {
    std::optional<FileID> FID = file(Path);
    std::optional<llvm::MemoryBufferRef> Buffer =
        FID ? SM.getBufferOrNone(*FID) : std::nullopt;
    if (!Buffer || Offset >= Buffer->getBufferSize())
      return 0;
    StringRef Rest = Buffer->getBuffer().substr(Offset);
    size_t Length = Rest.find_if_not(
        [](char C) { return llvm::isAlnum(C) || C == '_' || C == '~'; });
    if (Length == StringRef::npos)
      Length = Rest.size();
    return Length ? Length : 1;
  }

private:
  std::optional<FileID> file(StringRef Path) {
    auto [It, Inserted] = Files.try_emplace(Path);
    if (Inserted) {
      if (auto Entry = SM.getFileManager().getOptionalFileRef(Path))
        It->second = SM.getOrCreateFileID(*Entry, SrcMgr::C_User);
    }
    if (It->second.isInvalid())
      return std::nullopt;
    return It->second;
  }

  SourceManager &SM;
  llvm::StringMap<FileID> Files;
};

/// `file:` URI of an absolute path (RFC 8089), as the writer makes them for
/// artifacts.
std::string fileURI(StringRef Path) {
  std::string URI = "file://";
  for (char C : Path) {
    if (llvm::isAlnum(C) || StringRef("/-._~").contains(C))
      URI += C;
    else
      URI += llvm::formatv("%{0:X-2}", static_cast<unsigned char>(C)).str();
  }
  return URI;
}

/// The first paragraph of a check's doc page, after its title.
std::string firstParagraph(StringRef Markdown) {
  std::string Paragraph;
  while (!Markdown.empty()) {
    StringRef Line;
    std::tie(Line, Markdown) = Markdown.split('\n');
    Line = Line.trim();
    if (Line.starts_with("#") || Line.starts_with("```") || Line.empty()) {
      if (!Paragraph.empty())
        break;
      continue;
    }
    if (!Paragraph.empty())
      Paragraph += ' ';
    Paragraph += Line.str();
  }
  // A paragraph that runs into a list ("It finds") ends at its last sentence.
  size_t End = Paragraph.find_last_of(".!?");
  if (End != std::string::npos && End + 1 < Paragraph.size())
    Paragraph.resize(End + 1);
  return Paragraph;
}

/// `ndarray-hidden-copy` -> `NdarrayHiddenCopy`: SARIF wants a rule name that
/// is not its id.
std::string ruleName(StringRef Id) {
  std::string Name;
  bool Upper = true;
  for (char C : Id) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Name += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Name;
}

SarifRule makeRule(StringRef Check, const SarifExportOptions &Options) {
  SarifRule Rule = SarifRule::create().setRuleId(Check).setName(ruleName(Check));
  std::string Description = Check.str();
  llvm::SmallString<256> Page(Options.DocsDir);
  llvm::sys::path::append(Page, Check + ".md");
  if (!Options.DocsDir.empty()) {
    if (auto Text = llvm::MemoryBuffer::getFile(Page)) {
      std::string Paragraph = firstParagraph((*Text)->getBuffer());
      if (!Paragraph.empty())
        Description = Paragraph;
      llvm::sys::fs::make_absolute(Page);
      Rule = Rule.setHelpURI(fileURI(Page));
      return Rule.setDescription(Description);
    }
  }
  // clang-tidy's own checks and Clang's warnings: their pages on llvm.org.
  if (Check.consume_front("clang-diagnostic-"))
    Rule = Rule.setHelpURI(
        ("https://clang.llvm.org/docs/DiagnosticsReference.html#w" + Check).str());
  else if (auto [Group, Name] = Check.split('-'); !Name.empty())
    Rule = Rule.setHelpURI(("https://clang.llvm.org/extra/clang-tidy/checks/" +
                            Group + "/" + Name + ".html")
                               .str());
  return Rule.setDescription(Description);
}

SarifResultLevel levelOf(tooling::Diagnostic::Level Level) {
  switch (Level) {
  case tooling::Diagnostic::Error:
    return SarifResultLevel::Error;
  case tooling::Diagnostic::Remark:
    return SarifResultLevel::Note;
  case tooling::Diagnostic::Warning:
    return SarifResultLevel::Warning;
  }
  return SarifResultLevel::Warning;
}

/// What to do with the helper results that follow a diagnostic's result.
struct PendingResult {
  std::vector<std::string> NoteMessages; // one helper result each
  std::vector<std::string> FixTexts;     // one helper result each
};

} // namespace

llvm::Error writeSarif(llvm::ArrayRef<std::string> FixesFiles,
                       llvm::StringRef OutputPath,
                       const SarifExportOptions &Options) {
  std::vector<tooling::Diagnostic> Diagnostics;
  for (const std::string &Path : FixesFiles) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                     Path.c_str(),
                                     Buffer.getError().message().c_str());
    tooling::TranslationUnitDiagnostics Exported;
    llvm::yaml::Input YAML((*Buffer)->getBuffer());
    YAML >> Exported;
    if (YAML.error())
      return llvm::createStringError(YAML.error(),
                                     "%s is not clang-tidy --export-fixes YAML",
                                     Path.c_str());
    for (tooling::Diagnostic &D : Exported.Diagnostics)
      Diagnostics.push_back(std::move(D));
  }

  compat::StandaloneSourceManager Sources;
  SourceManager &SM = Sources.get();
  FileRanges Ranges(SM);
  SarifDocumentWriter Writer(SM);
  Writer.createRun("ndtidy", "ndtidy (clang-tidy with the ndarray-* checks)",
                   Options.ToolVersion);

  llvm::StringMap<size_t> RuleIndex;
  llvm::StringSet<> Seen;
  std::vector<PendingResult> Pending;
  for (const tooling::Diagnostic &D : Diagnostics) {
    const tooling::DiagnosticMessage &Message = D.Message;
    std::string Path = resolvePath(Message.FilePath, D.BuildDirectory);
    // A header's diagnostic comes once per translation unit that includes it.
    std::string Key;
    llvm::raw_string_ostream(Key) << D.DiagnosticName << '\n' << Path << '\n'
                                  << Message.FileOffset << '\n'
                                  << Message.Message;
    if (!Seen.insert(Key).second)
      continue;
    auto [Rule, NewRule] = RuleIndex.try_emplace(D.DiagnosticName, 0);
    if (NewRule)
      Rule->second = Writer.createRule(makeRule(D.DiagnosticName, Options));
    const size_t RuleIdx = Rule->second;

    SarifResult Result = SarifResult::create(RuleIdx)
                             .setDiagnosticMessage(Message.Message)
                             .setDiagnosticLevel(levelOf(D.DiagLevel));
    if (!Message.FilePath.empty()) {
      unsigned Length = 0;
      for (const tooling::FileByteRange &R : Message.Ranges)
        if (resolvePath(R.FilePath, D.BuildDirectory) == Path &&
            R.FileOffset == Message.FileOffset && R.Length > 0)
          Length = R.Length;
      if (!Length)
        Length = Ranges.tokenLength(Path, Message.FileOffset);
      if (auto Range = Ranges.range(Path, Message.FileOffset, Length))
        Result = compat::withLocation(Result, *Range);
    }
    Writer.appendResult(Result);

    PendingResult Helpers;
    auto AppendHelper = [&](const CharSourceRange &Range) {
      Writer.appendResult(
          compat::withLocation(SarifResult::create(RuleIdx), Range));
    };
    for (const tooling::DiagnosticMessage &Note : D.Notes) {
      if (Note.FilePath.empty())
        continue;
      std::string NotePath = resolvePath(Note.FilePath, D.BuildDirectory);
      if (auto Range = Ranges.range(NotePath, Note.FileOffset,
                                    Ranges.tokenLength(NotePath, Note.FileOffset))) {
        AppendHelper(*Range);
        Helpers.NoteMessages.push_back(Note.Message);
      }
    }
    // A fix-it is all or nothing: one replacement the file no longer holds
    // drops the whole fix.
    std::vector<std::pair<CharSourceRange, std::string>> Fix;
    bool FixValid = true;
    for (const auto &File : Message.Fix)
      for (const tooling::Replacement &R : File.second) {
        auto Range = Ranges.range(resolvePath(R.getFilePath(), D.BuildDirectory),
                                  R.getOffset(), R.getLength());
        if (!Range)
          FixValid = false;
        else
          Fix.emplace_back(*Range, R.getReplacementText().str());
      }
    if (FixValid)
      for (auto &[Range, Text] : Fix) {
        AppendHelper(Range);
        Helpers.FixTexts.push_back(std::move(Text));
      }
    Pending.push_back(std::move(Helpers));
  }

  llvm::json::Object Document = Writer.createDocument();
  llvm::json::Object &Run =
      *Document.getArray("runs")->front().getAsObject();
  (*Run.getObject("tool")->getObject("driver"))["informationUri"] =
      "https://clang.llvm.org/extra/clang-tidy/";
  llvm::json::Array &Written = *Run.getArray("results");
  llvm::json::Array Results;
  size_t Next = 0;
  auto TakeLocation = [&]() {
    llvm::json::Object &Helper = *Written[Next++].getAsObject();
    return std::move(*Helper.getArray("locations")->front().getAsObject());
  };
  for (PendingResult &Helpers : Pending) {
    llvm::json::Object Result = std::move(*Written[Next++].getAsObject());
    llvm::json::Array Related;
    for (std::string &Text : Helpers.NoteMessages) {
      llvm::json::Object Location = TakeLocation();
      Location["id"] = static_cast<int64_t>(Related.size());
      Location["message"] = llvm::json::Object{{"text", std::move(Text)}};
      Related.push_back(std::move(Location));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    // SARIF groups a fix's replacements by file.
    llvm::json::Array Changes;
    llvm::StringMap<size_t> ChangeOfFile;
    for (std::string &Text : Helpers.FixTexts) {
      llvm::json::Object Physical =
          std::move(*TakeLocation().getObject("physicalLocation"));
      llvm::json::Object Artifact =
          std::move(*Physical.getObject("artifactLocation"));
      std::string URI = Artifact.getString("uri")->str();
      auto [Change, NewFile] = ChangeOfFile.try_emplace(URI, Changes.size());
      if (NewFile)
        Changes.push_back(llvm::json::Object{
            {"artifactLocation", std::move(Artifact)},
            {"replacements", llvm::json::Array{}}});
      Changes[Change->second].getAsObject()->getArray("replacements")->push_back(
          llvm::json::Object{
              {"deletedRegion", std::move(*Physical.getObject("region"))},
              {"insertedContent", llvm::json::Object{{"text", std::move(Text)}}}});
    }
    if (!Changes.empty())
      Result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description",
           llvm::json::Object{{"text", "Apply the clang-tidy fix-it"}}},
          {"artifactChanges", std::move(Changes)}}};
    Results.push_back(std::move(Result));
  }
  Run["results"] = std::move(Results);

  std::error_code EC;
  llvm::raw_fd_ostream Out(OutputPath, EC, llvm::sys::fs::OF_None);
  if (EC)
    return llvm::createStringError(EC, "cannot write %s: %s",
                                   OutputPath.str().c_str(),
                                   EC.message().c_str());
  Out << llvm::formatv("{0:2}", llvm::json::Value(std::move(Document))) << "\n";
  Out.close();
  if (Out.has_error())
    return llvm::createStringError(Out.error(), "cannot write %s: %s",
                                   OutputPath.str().c_str(),
                                   Out.error().message().c_str());
  return llvm::Error::success();
}

} // namespace ndtidy
