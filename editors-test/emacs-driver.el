;;; emacs-driver.el --- drives Emacs after docs/editors.md's init has been loaded -*- lexical-binding: t -*-
;; Opens the sample named by $TOPO_EDITOR_FILE, waits for flymake's diagnostics from eglot, asks
;; for the hover at the first finding, jumps with xref-find-definitions (M-.), and writes what it
;; saw as JSON to $TOPO_EDITOR_OUT. The assertions are in editors.test.mjs.
(require 'json)
(require 'flymake)

(defconst topo-driver-timeout 60)
(defvar topo-driver-result (list (cons 'editor (format "emacs %s" emacs-version))))

(defun topo-driver-put (key value)
  (push (cons key value) topo-driver-result))

(defun topo-driver-wait (predicate)
  "Let process output and timers run until PREDICATE holds or the timeout passes."
  (let ((deadline (+ (float-time) topo-driver-timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun topo-driver-run ()
  (find-file (getenv "TOPO_EDITOR_FILE"))
  (topo-driver-put 'mode (symbol-name major-mode))
  ;; eglot-ensure connects on the first command after the file is opened; in batch there is
  ;; no command loop, so run the hook a keystroke would.
  (run-hooks 'post-command-hook)
  (unless (topo-driver-wait (lambda () (bound-and-true-p eglot--managed-mode)))
    (error "eglot is not managing %s" (buffer-name)))
  (topo-driver-put 'diagnostics_arrived (and (topo-driver-wait #'flymake-diagnostics) t))
  (topo-driver-put
   'diagnostics
   (vconcat
    (mapcar (lambda (d)
              (list (cons 'line (line-number-at-pos (flymake-diagnostic-beg d)))
                    (cons 'type (format "%s" (flymake-diagnostic-type d)))
                    (cons 'message (flymake-diagnostic-text d))))
            (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))))
  ;; Hover on the first finding (the first line marked `// expect:`): the request eglot's eldoc sends.
  (goto-char (point-min))
  (re-search-forward "// expect:")
  (back-to-indentation)
  (topo-driver-put 'hover_line (line-number-at-pos))
  (let* ((server (eglot-current-server))
         (hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
    (topo-driver-put 'hover (eglot--hover-info (plist-get hover :contents) (plist-get hover :range))))
  ;; Go to definition with M-. from the cluster's `nodes lin-01`.
  (goto-char (point-min))
  (re-search-forward "nodes \\(lin-01\\)")
  (goto-char (match-beginning 1))
  (topo-driver-put 'definition_from (line-number-at-pos))
  (call-interactively #'xref-find-definitions)
  (topo-driver-put 'definition_line (line-number-at-pos))
  (topo-driver-put 'definition_text (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
  (eglot-shutdown (eglot-current-server)))

(condition-case err
    (topo-driver-run)
  (error (topo-driver-put 'error (error-message-string err))))
(with-temp-file (getenv "TOPO_EDITOR_OUT")
  (insert (json-encode topo-driver-result)))
(kill-emacs 0)
