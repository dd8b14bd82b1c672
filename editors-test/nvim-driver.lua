-- Drives Neovim after docs/editors.md's init.lua has been loaded with -u: waits for the open
-- sample's diagnostics, opens the hover with vim.lsp.buf.hover() and reads its floating window,
-- jumps with vim.lsp.buf.definition(), and writes what it saw as JSON to $TOPO_EDITOR_OUT.
-- The assertions are in editors.test.mjs; this script only observes, through the user's commands.
local result = { editor = 'nvim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch }
local TIMEOUT = 60000

local function finish()
  local out = assert(io.open(vim.env.TOPO_EDITOR_OUT, 'w'))
  out:write(vim.fn.json_encode(result))
  out:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  result.filetype = vim.bo.filetype
  result.diagnostics_arrived = vim.wait(TIMEOUT, function() return #vim.diagnostic.get(0) > 0 end, 50)
  result.clients = #vim.lsp.buf_get_clients(0)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(result.diagnostics, {
      line = d.lnum + 1, severity = d.severity, source = d.source,
      code = d.user_data and d.user_data.lsp and d.user_data.lsp.code, message = d.message })
  end

  -- Hover on the first finding (the first line marked `// expect:`), as K would: the text is
  -- read from the floating window.
  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  result.hover_line = vim.fn.search([[^\s*\zs.*// expect:]], 'cw')
  local editor_win = vim.api.nvim_get_current_win()
  vim.lsp.buf.hover()
  local float
  vim.wait(TIMEOUT, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= '' then float = w return true end
    end
    return false
  end, 50)
  result.hover = float and table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false), '\n')
  if float then vim.api.nvim_win_close(float, true) end
  vim.api.nvim_set_current_win(editor_win)

  -- Go to definition from the cluster's `nodes lin-01` to the host it names.
  result.definition_from = vim.fn.search([[nodes \zslin-01]], 'cw')
  vim.lsp.buf.definition()
  vim.wait(TIMEOUT, function() return vim.fn.line('.') ~= result.definition_from end, 50)
  result.definition_line = vim.fn.line('.')
  result.definition_text = vim.api.nvim_get_current_line()
end)
if not ok then result.error = tostring(err) end
finish()
