-- Drives ndtidy-clangd from headless Neovim's built-in LSP client (0.7+),
-- run by nvim_session.py after the documented init.lua.
-- Opens $NDTIDY_FILE, waits for a $NDTIDY_CHECK diagnostic, asks for the code
-- actions at it, applies the quick fix and writes the buffer. Prints one
-- "RESULT <json>" line and quits with status 0, or "ERROR ..." and status 1.
local function finish(ok, payload)
  io.stdout:write((ok and 'RESULT ' or 'ERROR ') .. payload .. '\n')
  io.stdout:flush()
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local ok, err = pcall(function()
  -- The user's init.lua (docs/integration.md, snippet nvim-init) starts
  -- ndtidy-clangd from its FileType autocommand when the file is opened.
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('NDTIDY_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  -- A client counts as attached once it has answered `initialize`.
  local client_id
  vim.wait(30000, function()
    client_id = next(vim.lsp.buf_get_clients(bufnr))
    return client_id ~= nil
  end, 100)
  if not client_id then return finish(false, 'init.lua attached no LSP client') end

  local found
  local arrived = vim.wait(60000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if code == os.getenv('NDTIDY_CHECK') then found = d return true end
    end
    return false
  end, 100)
  if not arrived then return finish(false, 'no ' .. os.getenv('NDTIDY_CHECK') .. ' diagnostic within 60 s') end

  local client = vim.lsp.get_client_by_id(client_id)
  -- Rebuild the LSP diagnostic (0.7 keeps only some fields in user_data).
  local lsp_diag = {
    range = {
      start = { line = found.lnum, character = found.col },
      ['end'] = { line = found.end_lnum, character = found.end_col },
    },
    severity = found.severity, message = found.message, source = found.source,
    code = found.user_data.lsp.code,
  }
  local replies = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
  }, 30000)
  local action
  for _, reply in pairs(replies or {}) do
    for _, a in ipairs(reply.result or {}) do
      if a.edit then action = a end
    end
  end
  if not action then return finish(false, 'no quick fix in ' .. vim.inspect(replies)) end
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  vim.cmd('write')
  finish(true, vim.fn.json_encode({
    code = lsp_diag.code, line = found.lnum + 1, col = found.col + 1,
    title = action.title,
    fixed_line = vim.api.nvim_buf_get_lines(bufnr, found.lnum, found.lnum + 1, false)[1],
  }))
end)
if not ok then finish(false, tostring(err)) end
