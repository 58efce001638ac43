## Documents of practices and organizations
documents-of-practice = Documenti di { $name }
documents-of-organization = Documenti di { $name }
documents-back-to = Tornare a { $name }
documents-back-to-list = Tornare ai documenti
documents-none = Nessun documento per ora.
documents-table-caption = Documenti, dal meno recente al più recente
documents-col-name = File
documents-col-size = Dimensione
documents-col-type = Tipo
documents-col-uploader = Caricato da
documents-col-date = Data
documents-col-version = Versione
documents-col-download = Scaricare
documents-download-named = Scaricare { $name }
documents-download-latest = Scaricare l'ultima versione
documents-download-version = Scaricare la versione { $n }
documents-deleted-account = Account eliminato
documents-size-bytes = { $n } byte
documents-size-kb = { $n } KB
documents-size-mb = { $n } MB
documents-size-gb = { $n } GB
documents-type-pdf = PDF
documents-type-image = Immagine
documents-type-zip = Archivio ZIP
documents-type-text-document = Documento di testo
documents-type-spreadsheet = Foglio di calcolo
documents-type-presentation = Presentazione
documents-type-plain-text = Testo semplice
documents-type-other = Altro

## Uploading, versions, deleting
documents-upload-title = Caricare un documento
documents-field-file = File
documents-hint-file = PDF, immagini, documenti d'ufficio, CSV, testo o ZIP; al massimo 25 MB.
documents-field-title = Titolo
documents-hint-title = Facoltativo: altrimenti si usa il nome del file.
documents-progress = Avanzamento del caricamento
documents-upload-submit = Caricare
documents-versions-title = Versioni
documents-new-version-title = Caricare una nuova versione
documents-new-version-submit = Caricare la nuova versione
documents-delete-title = Eliminare questo documento
documents-delete-hint = Nessuno potrà più scaricarlo, nemmeno le versioni precedenti.
documents-delete-submit = Eliminare il documento
documents-error-too-large = Questo file è troppo grande.
documents-error-quota = Non resta spazio di archiviazione per questo file: eliminare prima alcuni documenti o rivolgersi a un amministratore.
documents-error-type = Questo tipo di file non è accettato, oppure il nome non corrisponde al contenuto.
notice-document-uploaded = Documento caricato.
notice-document-version-added = Nuova versione caricata.
notice-document-deleted = Documento eliminato.

## Messages of the server's checks (key: v- and the English message as a slug)
v-send-one-file-per-request = Scegliere un solo file.
