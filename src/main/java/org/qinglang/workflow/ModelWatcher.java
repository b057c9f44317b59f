package org.qinglang.workflow;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qinglang.workflow.ModelAudit.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deploys a model as soon as a manager saves it in bpmn/ or forms/ of the installation, so that the
 * running system follows without a restart. Editors write a file in several steps (truncate,
 * write, rename), so events are collected until the folders have been quiet for a moment and then
 * the whole set is deployed once; duplicate filtering turns a save without changes into nothing.
 * A refused set is logged and recorded, and the versions deployed before keep running.
 * Off with qinglang.models.watch=false, for installations whose models change only on /models.
 */
@Component
@ConditionalOnProperty(name = "qinglang.models.watch", havingValue = "true")
class ModelWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);

    private final ModelDeployment modelDeployment;
    private final Duration quietPeriod;
    private volatile WatchService watchService;
    private volatile Thread thread;

    ModelWatcher(ModelDeployment modelDeployment,
            @Value("${qinglang.models.watch-quiet-period:PT1S}") Duration quietPeriod) {
        this.modelDeployment = modelDeployment;
        this.quietPeriod = quietPeriod;
    }

    @Override
    public synchronized void start() {
        List<Path> folders = modelDeployment.folders();
        if (folders.isEmpty()) {
            log.info("No bpmn/ folder in the installation: models change only on /models");
            return;
        }
        try {
            watchService = FileSystems.getDefault().newWatchService();
            for (Path folder : folders) {
                folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot watch " + folders, e);
        }
        WatchService service = watchService;
        thread = new Thread(() -> watch(service), "model-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("Watching {} for model changes", folders);
    }

    private void watch(WatchService service) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean modelsTouched = drain(key);
                // Wait until the burst of events is over before reading the files.
                WatchKey more;
                while ((more = service.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    modelsTouched |= drain(more);
                }
                if (modelsTouched) {
                    deploy();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            log.debug("Model watch stopped");
        }
    }

    /** @return whether one of the events concerns a model file (or events were lost) */
    private static boolean drain(WatchKey key) {
        boolean modelsTouched = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW
                    || event.context() instanceof Path file && ModelDeployment.isModel(file)) {
                modelsTouched = true;
            }
        }
        key.reset();
        return modelsTouched;
    }

    private void deploy() {
        try {
            modelDeployment.deployChanges(Channel.FOLDER);
        } catch (ModelDeployment.ModelsRefusedException refused) {
            refused.problems().forEach(p -> log.error("Model {} refused: {} {}", p.model(), p.key(), p.arguments()));
        } catch (IOException | RuntimeException e) {
            log.error("Changed models could not be deployed", e);
        }
    }

    @Override
    public synchronized void stop() {
        WatchService service = watchService;
        watchService = null;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                log.debug("Closing the model watch", e);
            }
        }
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** After the engine has started and before it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
